/** The public shop list page, in a real headless Chromium against the local target. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANTS } from '../../infra/local/seed/demo-merchants.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import { localTarget } from '../support/local-target.ts';

describe('public partner shop page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the thirty partner shops with their address, and filters by type', async () => {
    const page = await phonePage(browser);
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    await page.goto(`${localTarget().webUrl}/`);

    const shops = page.getByRole('listitem');
    // The thirty active shops of the demo town (other tests of the run may add shops of their own).
    const demoNames = DEMO_MERCHANTS.filter((shop) => shop.active).map((shop) => shop.name);
    await expect.poll(() => shops.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
    const rendered = await shops.getByRole('heading').allTextContents();
    expect(demoNames).toHaveLength(30);
    for (const name of demoNames) expect(rendered).toContain(name);
    expect(rendered).not.toContain('Vidéoclub Rembobine (fermé)');
    expect(await page.getByRole('status').textContent()).toBe(`${rendered.length} commerces partenaires`);
    const petShop = shops.filter({ has: page.getByRole('heading', { name: 'Animalerie Patte Douce' }) });
    expect(await petShop.locator('address').textContent()).toBe('Rue du Canal 15, 7300 Boussu');
    expect(rendered.indexOf('Animalerie Patte Douce')).toBeLessThan(rendered.indexOf('Vélo Passion'));
    expect(await page.content()).not.toMatch(/BE\d{14}/);
    await screenshot(page, 'public-merchants');

    await page.getByLabel('Type de commerce').selectOption({ label: 'Librairie, papeterie' });
    await expect
      .poll(() => shops.getByRole('heading').allTextContents())
      .toEqual(expect.arrayContaining(['Librairie La Page Blanche', 'Papeterie Crayons & Cie']));
    for (const category of await shops.locator('.category').allTextContents())
      expect(category).toBe('Librairie, papeterie');
    await screenshot(page, 'public-merchants-filtered');
    expect(failedRequests).toEqual([]);
  });
});
