/**
 * The scanner as a shopkeeper uses it, in Debian's Chromium on a phone-sized page, with a fake camera that
 * films the QR code of a voucher issued for this test: sign in, scan, balance, charge 12,50, receipt, and
 * the API agrees. Each screen is audited with axe-core and photographed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { qrPayload } from '../../shared/vouchers/voucher-code.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import { fakeCameraFlags, writeQrVideo } from '../support/fake-camera.ts';
import { createTestCampaign, issueTestVoucher, type TestVoucher } from '../support/ledger-fixtures.ts';
import { localTarget } from '../support/local-target.ts';
import {
  balanceOf,
  button,
  createShopUser,
  expectScreen,
  heading,
  recordApiRequests,
  retireShops,
  type ShopUser,
  scannerUrl,
  seriousAccessibilityViolations,
  shopRedemptions,
  signIn,
  typeAmount,
  visibleText,
} from './scanner-page.ts';

describe('scanner with a camera', () => {
  let campaign: Campaign;
  let shop: ShopUser;
  let voucher: TestVoucher;
  let browser: Browser;
  let videoDir: string;

  beforeAll(async () => {
    campaign = await createTestCampaign();
    shop = await createShopUser([campaign]);
    voucher = await issueTestVoucher(campaign);
    videoDir = mkdtempSync(join(tmpdir(), 'scanner-camera-'));
    const video = join(videoDir, 'voucher-qr.y4m');
    // The QR code as printed on the letter: the public site's URL with the code in the fragment.
    writeQrVideo(video, qrPayload(localTarget().webUrl, voucher.code.replaceAll('-', '')));
    browser = await launchChromium(fakeCameraFlags(video));
  });

  afterAll(async () => {
    if (shop) await retireShops([shop]);
    await browser?.close();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  it('signs in, decodes the QR code, shows the balance, charges 12,50 and shows the receipt', async () => {
    const page = await phonePage(browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    const requests = recordApiRequests(page);

    await page.goto(scannerUrl());
    await expectScreen(page, 'Connexion du commerce');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-1-sign-in');
    // The QR decoder is not part of the first load: neither the library nor its worker.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    expect(scripts.filter((path) => path.includes('qr-scanner'))).toEqual([]);

    await page.getByLabel('Identifiant', { exact: true }).fill(shop.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill(shop.password);
    await button(page, 'Se connecter').click();

    // The camera starts by itself, the QR code is read, and the voucher is looked up.
    await expectScreen(page, 'Solde du bon');
    expect(await visibleText(page, '#voucher-balance')).toBe('100,00\u00a0€');
    const validUntil = campaign.endDate.split('-').reverse().join('/');
    expect(await visibleText(page, '#voucher-validity')).toBe(`valable jusqu’au ${validUntil}`);
    expect(await visibleText(page, '#voucher-code')).toBe(`Bon se terminant par ${voucher.code.slice(-6)}`);
    const lookups = requests.filter((request) => request.url().includes('/merchant/vouchers/'));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.url()).toContain(voucher.code.replaceAll('-', ''));
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    expect(loaded.filter((path) => path.includes('qr-scanner'))).toHaveLength(2); // library + worker
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-3-balance');

    // The amount is typed with the numeric keypad.
    expect(await page.getByRole('textbox', { name: 'Montant' }).getAttribute('inputmode')).toBe('decimal');
    await typeAmount(page, '12,50');
    await expectScreen(page, 'Confirmer l’encaissement');
    expect(await visibleText(page, '#confirm-amount')).toBe('12,50\u00a0€');
    expect(await visibleText(page, '#confirm-after')).toBe('87,50\u00a0€');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-4-confirm');

    await button(page, 'Confirmer').click();
    await expectScreen(page, 'Encaissement effectué');
    expect(await visibleText(page, '#receipt-amount')).toBe('12,50\u00a0€');
    expect(await visibleText(page, '#receipt-balance')).toBe('87,50\u00a0€');
    expect(await visibleText(page, '#receipt-time')).toMatch(/^\d\d:\d\d$/);
    const list = await shopRedemptions(shop);
    expect(list.items).toHaveLength(1);
    expect(await visibleText(page, '#receipt-reference')).toBe(list.items[0]?.reference);
    expect(await button(page, 'Nouveau scan').isVisible()).toBe(true);
    expect(await button(page, 'Annuler cet encaissement').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-5-receipt');

    // The API agrees: the voucher has 87,50 left and the shop one redemption of 12,50.
    expect(await balanceOf(shop, voucher.code)).toBe(8750);
    expect(list).toMatchObject({ totalCents: 1250, count: 1 });

    // "Nouveau scan" goes back to the camera, which is live again.
    await button(page, 'Nouveau scan').click();
    await expect.poll(() => heading(page).textContent()).not.toBe('Encaissement effectué');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the live camera, and says so when a QR code is not a voucher', async () => {
    const video = join(videoDir, 'menu-qr.y4m');
    writeQrVideo(video, 'https://restaurant.example/menu');
    const other = await launchChromium(fakeCameraFlags(video));
    try {
      const page = await phonePage(other);
      const requests = recordApiRequests(page);
      await signIn(page, shop);
      await expect
        .poll(() => visibleText(page, '#scan-message'), { timeout: 15_000 })
        .toBe('Ce QR code n’est pas celui d’un chèque commerce.');
      expect(await visibleText(page, '#camera-status')).toBe('Placez le QR code du bon dans le cadre.');
      // Chromium's fake camera has no torch: no torch button.
      expect(await button(page, 'Lampe').isVisible()).toBe(false);
      expect(await page.locator('#camera').evaluate((element) => (element as HTMLVideoElement).videoWidth)).toBe(640);
      expect(await heading(page).textContent()).toBe('Scanner un bon');
      expect(requests.filter((request) => request.url().includes('/merchant/vouchers/'))).toEqual([]);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'scanner-2-scan-camera');
    } finally {
      await other.close();
    }
  });
});
