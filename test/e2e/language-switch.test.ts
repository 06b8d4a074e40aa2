/**
 * The language switch on the pages of today (scanner, shop list): a phone in French switched to Dutch stays
 * in Dutch after a reload, texts, amounts and dates alike, and the choice holds on the site's other pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import { createTestCampaign, issueTestVoucher } from '../support/ledger-fixtures.ts';
import { localTarget } from '../support/local-target.ts';
import {
  button,
  createShopUser,
  expectScreen,
  retireShops,
  type ShopUser,
  seriousAccessibilityViolations,
  signIn,
  visibleText,
} from './scanner-page.ts';

let browser: Browser;
let campaign: Campaign;
let shop: ShopUser;

beforeAll(async () => {
  browser = await launchChromium();
  campaign = await createTestCampaign();
  shop = await createShopUser([campaign]);
});

afterAll(async () => {
  if (shop) await retireShops([shop]);
  await browser?.close();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const pressed = (page: Page) => page.locator('.language-switch [aria-pressed="true"]').textContent();
// Intl separates the euro sign and groups thousands with no-break spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
// A first load waits for the local API's cold start.
const LOAD = { timeout: 15_000 };

describe('the language switch', () => {
  it('keeps Dutch on the scanner after a reload, amounts and dates in Belgian Dutch', async () => {
    const page = await phonePage(browser);
    await signIn(page, shop);
    expect(await pressed(page)).toBe('FR');

    await button(page, 'NL, Nederlands').click();
    await expectScreen(page, 'Een bon scannen');
    await page.reload();
    await expectScreen(page, 'Een bon scannen');
    expect(await htmlLang(page)).toBe('nl');
    expect(await pressed(page)).toBe('NL');
    expect(await page.title()).toBe('Handelscheque: een bon aanvaarden');

    const voucher = await issueTestVoucher(campaign);
    await page.getByRole('textbox', { name: 'Code van de bon', exact: true }).fill(voucher.code);
    await button(page, 'Controleren').click();
    await expectScreen(page, 'Saldo van de bon');
    expect(plain(await visibleText(page, '#voucher-balance'))).toMatch(/^€ \d+,\d\d$/);
    expect(await visibleText(page, '#voucher-validity')).toMatch(/^geldig tot en met \d\d\/\d\d\/\d{4}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'language-scanner-nl');

    // The same choice on the shop list, another page of the same site.
    await page.goto(`${localTarget().webUrl}/`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), LOAD)
      .toBe('Handelscheque: waar kunt u hem gebruiken?');
    await page.context().close();
  });

  it('keeps Dutch on the shop list after a reload, and shows German on request', async () => {
    const page = await phonePage(browser);
    await page.goto(`${localTarget().webUrl}/`);
    const title = () => page.getByRole('heading', { level: 1 }).textContent();
    const status = () => page.getByRole('status').textContent();
    await expect.poll(status, LOAD).toMatch(/^\d+ commerces partenaires$/);

    await button(page, 'NL, Nederlands').click();
    await expect.poll(title, LOAD).toBe('Handelscheque: waar kunt u hem gebruiken?');
    await page.reload();
    await expect.poll(status, LOAD).toMatch(/^\d+ partnerzaken$/);
    expect(await title()).toBe('Handelscheque: waar kunt u hem gebruiken?');
    expect(await htmlLang(page)).toBe('nl');
    expect(await page.getByLabel('Soort zaak').locator('option').first().textContent()).toBe('Alle zaken');
    expect(await page.getByRole('listitem').locator('.category').allTextContents()).toContain(
      'Bakkerij, banketbakkerij',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'language-shops-nl');

    // In place, without a reload: the filter keeps the kind of shop chosen.
    await page.getByLabel('Soort zaak').selectOption({ label: 'Bloemist' });
    await expect.poll(status, LOAD).toBe('1 partnerzaak');
    await button(page, 'DE, Deutsch').click();
    await expect.poll(status, LOAD).toBe('1 Partnergeschäft');
    expect(await page.getByLabel('Art des Geschäfts').inputValue()).toBe('florist');
    expect(await title()).toBe('Einkaufsgutschein: Wo kann ich ihn einlösen?');
    expect(await htmlLang(page)).toBe('de');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'language-shops-de');
    await page.context().close();
  });
});
