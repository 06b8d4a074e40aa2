/** The public shop list page, in a real headless Chromium against the local target. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await expect.poll(() => shops.count(), { timeout: 15_000 }).toBe(30);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('30 commerces partenaires');
    const first = shops.first();
    expect(await first.getByRole('heading').textContent()).toBe('Animalerie Patte Douce');
    expect(await first.locator('address').textContent()).toBe('Rue du Canal 15, 7300 Boussu');
    expect(await page.content()).not.toMatch(/BE\d{14}/);
    await screenshot(page, 'public-merchants');

    await page.getByLabel('Type de commerce').selectOption({ label: 'Librairie, papeterie' });
    await expect.poll(() => shops.count()).toBe(2);
    expect(await page.getByRole('status').textContent()).toBe('2 commerces partenaires');
    await screenshot(page, 'public-merchants-filtered');
    expect(failedRequests).toEqual([]);
  });
});
