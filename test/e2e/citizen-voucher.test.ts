/**
 * /bon/ on a citizen's phone, in Chromium against the local target: a typed code, the letter's QR link and
 * the phone's camera filming the letter each show the right balance, and after a purchase at a shop (through
 * the API) the new one; unknown codes end in the throttled message; the page is axe-clean in FR, NL and DE
 * (screenshots in test-results/screenshots/bon-*.png), keeps the code out of every URL it sends, calls
 * nothing of the merchant routes, trips no CSP rule and loads at most 30 KiB of JavaScript (gzip) first.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { MAX_MISSES } from '../../shared/data/lookup-misses.ts';
import { codeFromRandomBytes, formatCode, qrPayload } from '../../shared/vouchers/voucher-code.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { fakeCameraFlags, writeQrVideo } from '../support/fake-camera.ts';
import {
  createTestCampaign,
  createTestShop,
  issueTestVoucher,
  type TestShop,
  type TestVoucher,
} from '../support/ledger-fixtures.ts';
import { api, localTarget } from '../support/local-target.ts';
import {
  apiFromOwnAddress,
  citizenPage,
  day,
  euros,
  initialScriptGzipBytes,
  type Language,
  poll,
  textOf,
} from './citizen-pages.ts';
import { retireShops, seriousAccessibilityViolations } from './scanner-page.ts';

const bonUrl = () => `${localTarget().webUrl}/bon/`;
const compact = (code: string) => code.replaceAll('-', '');

describe('/bon/: my voucher', () => {
  let campaign: Campaign;
  let shop: TestShop;
  /** Filmed by the fake camera. */
  let filmed: TestVoucher;
  let typed: TestVoucher;
  let browser: Browser;
  let videoDir: string;

  beforeAll(async () => {
    campaign = await createTestCampaign();
    shop = await createTestShop({ campaigns: [campaign] });
    filmed = await issueTestVoucher(campaign);
    typed = await issueTestVoucher(campaign);
    videoDir = mkdtempSync(join(tmpdir(), 'bon-camera-'));
    const video = join(videoDir, 'letter-qr.y4m');
    // The QR code as printed on the letter: the public site's URL with the code in the fragment.
    writeQrVideo(video, qrPayload(localTarget().webUrl, compact(filmed.code)));
    browser = await launchChromium(fakeCameraFlags(video));
  });

  afterAll(async () => {
    if (shop) await retireShops([shop]);
    await browser?.close();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  it('shows the balance of a typed code, and the new balance after a purchase at a shop', async () => {
    const citizen = await citizenPage(browser);
    const { page } = citizen;
    const sent: Request[] = [];
    page.on('request', (request) => sent.push(request));
    await page.goto(bonUrl());
    await poll(() => textOf(page, '#shop-count')).toMatch(/^\d+ commerces partenaires$/);
    expect(await initialScriptGzipBytes(citizen)).toBeLessThanOrEqual(30 * 1024);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bon-1-start');

    // A typo is caught by the check character, before any request.
    const typo = `${typed.code.slice(0, -1)}${typed.code.endsWith('0') ? '1' : '0'}`;
    await page.getByRole('textbox', { name: 'Code du bon' }).fill(typo);
    await page.getByRole('button', { name: 'Voir le solde', exact: true }).click();
    expect(await textOf(page, '#code-message')).toBe(
      'Ce code contient une faute de frappe : vérifiez chaque caractère et retapez-le.',
    );
    expect(sent.filter((request) => request.url().includes('/public/vouchers/'))).toEqual([]);

    await page.getByRole('textbox', { name: 'Code du bon' }).fill(typed.code.toLowerCase());
    await page.getByRole('button', { name: 'Voir le solde', exact: true }).click();
    await poll(() => textOf(page, '#balance')).toBe(euros(10_000, 'fr'));
    expect(await textOf(page, '#status')).toBe('Actif : utilisable dans les commerces partenaires.');
    expect(await textOf(page, '#face-value')).toBe(euros(10_000, 'fr'));
    expect(await textOf(page, '#valid-until')).toBe(day(campaign.endDate, 'fr'));
    expect(await textOf(page, '#voucher-code')).toBe(`Bon se terminant par ${typed.code.slice(-6)}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('voucher-title');
    expect(await page.getByRole('heading', { name: 'Lettre perdue ?' }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bon-2-balance');

    const bought = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { code: typed.code, amountCents: 1_250 },
    });
    expect(bought.status).toBe(201);
    await page.getByRole('button', { name: 'Vérifier un autre bon', exact: true }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await page.getByRole('textbox', { name: 'Code du bon' }).fill(typed.code);
    await page.getByRole('button', { name: 'Voir le solde', exact: true }).click();
    await poll(() => textOf(page, '#balance')).toBe(euros(8_750, 'fr'));
    expect(await textOf(page, '#face-value')).toBe(euros(10_000, 'fr'));

    // The page called only public routes, and no address it sent carried the code but the look-up's own.
    const urls = sent.map((request) => request.url());
    expect(urls.filter((url) => url.startsWith(localTarget().apiUrl) && !/\/public\//.test(url))).toEqual([]);
    expect(urls.filter((url) => url.includes(compact(typed.code)) && !url.includes('/public/vouchers/'))).toEqual([]);
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  it('opens from the letter’s QR link, and from the phone’s camera filming the letter', async () => {
    const fromLink = await citizenPage(browser);
    const webRequests: string[] = [];
    fromLink.page.on('request', (request) => {
      if (request.url().startsWith(localTarget().webUrl)) webRequests.push(request.url());
    });
    await fromLink.page.goto(qrPayload(localTarget().webUrl, compact(filmed.code)));
    await poll(() => textOf(fromLink.page, '#balance')).toBe(euros(10_000, 'fr'));
    // The fragment never leaves the phone: the site only ever saw /bon/ and its files.
    expect(webRequests.filter((url) => url.includes(compact(filmed.code)) || url.includes('#'))).toEqual([]);
    expect(fromLink.problems).toEqual([]);
    await fromLink.page.context().close();

    const citizen = await citizenPage(browser);
    const { page } = citizen;
    await page.goto(bonUrl());
    // The QR decoder is not part of the first load: it comes when the camera is asked for.
    await page.waitForLoadState('networkidle');
    expect(citizen.scripts.filter((script) => script.path.includes('qr-scanner'))).toEqual([]);
    await page.getByRole('button', { name: 'Scanner le QR code de la lettre', exact: true }).click();
    await poll(() => textOf(page, '#balance')).toBe(euros(10_000, 'fr'));
    expect(await page.locator('#camera').isVisible()).toBe(false);
    expect(citizen.scripts.filter((script) => script.path.includes('qr-scanner')).length).toBeGreaterThan(0);
    // Nothing of the merchant scanner came with it: no merchant route is named in any script loaded.
    const bodies = await page.evaluate(
      async (paths) => {
        const texts = await Promise.all(paths.map(async (path) => (await fetch(path)).text()));
        return texts.join('\n');
      },
      citizen.scripts.map((script) => script.path),
    );
    expect(bodies).not.toMatch(/\/merchant\/|redemptions|Idempotency-Key/i);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bon-3-camera-balance');
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  it('tells a citizen who tried too many unknown codes to wait (429 and Retry-After from the API)', async () => {
    const citizen = await citizenPage(browser);
    const { page } = citizen;
    await apiFromOwnAddress(page);
    // A link whose code matches no voucher: the page says so, and shows the code to compare with the letter.
    const unknown = formatCode(codeFromRandomBytes(crypto.getRandomValues(new Uint8Array(10))));
    await page.goto(`${bonUrl()}#${unknown}`);
    await poll(() => textOf(page, '#code-message')).toBe(
      'Aucun bon ne correspond à ce code. Vérifiez chaque caractère sur votre lettre.',
    );
    const field = page.getByRole('textbox', { name: 'Code du bon' });
    expect(await field.inputValue()).toBe(unknown);
    let statuses: number[] = [404];
    // The limit holds over the current and the previous window: 2 x MAX_MISSES reach it in any case.
    for (let attempt = 0; attempt < 2 * MAX_MISSES && !statuses.includes(429); attempt++) {
      await field.fill(formatCode(codeFromRandomBytes(crypto.getRandomValues(new Uint8Array(10)))));
      const answered = page.waitForResponse((response) => response.url().includes('/public/vouchers/'));
      await page.getByRole('button', { name: 'Voir le solde', exact: true }).click();
      statuses = [...statuses, (await answered).status()];
      if (statuses.at(-1) === 404) {
        await poll(() => textOf(page, '#code-message')).toBe(
          'Aucun bon ne correspond à ce code. Vérifiez chaque caractère sur votre lettre.',
        );
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
    await poll(() => textOf(page, '#code-message')).toMatch(
      /^Trop de codes inconnus ont été essayés depuis cette connexion : pour protéger les bons, la recherche est bloquée\. Réessayez dans \d+ min\.$/,
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bon-4-throttled');
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  const headings: Record<Language, { title: string; status: string; shops: string }> = {
    fr: {
      title: 'Mon chèque commerce',
      status: 'Actif : utilisable dans les commerces partenaires.',
      shops: 'Où le dépenser ?',
    },
    nl: {
      title: 'Mijn waardebon',
      status: 'Actief: te gebruiken bij de partnerhandelaars.',
      shops: 'Waar kunt u hem gebruiken?',
    },
    de: {
      title: 'Mein Einkaufsgutschein',
      status: 'Aktiv: in den Partnergeschäften einlösbar.',
      shops: 'Wo kann ich ihn einlösen?',
    },
  };

  it.each(['fr', 'nl', 'de'] as const)('speaks the phone’s language (%s), axe-clean', async (language) => {
    const voucher = await issueTestVoucher(campaign);
    const citizen = await citizenPage(browser, language);
    const { page } = citizen;
    await page.goto(qrPayload(localTarget().webUrl, compact(voucher.code)));
    await poll(() => textOf(page, '#balance')).toBe(euros(10_000, language));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await textOf(page, 'h1')).toBe(headings[language].title);
    expect(await textOf(page, '#status')).toBe(headings[language].status);
    expect(await textOf(page, '#valid-until')).toBe(day(campaign.endDate, language));
    expect(await textOf(page, '#shops-title')).toBe(headings[language].shops);
    await poll(() => page.locator('#shop-list li').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, `bon-${language}`);
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  it('switches language on the page, and keeps the choice for the next visit', async () => {
    const citizen = await citizenPage(browser, 'fr');
    const { page } = citizen;
    await page.goto(qrPayload(localTarget().webUrl, compact(typed.code)));
    await poll(() => textOf(page, '#balance')).toBe(euros(8_750, 'fr'));
    await page.getByRole('button', { name: 'NL, Nederlands' }).click();
    expect(await textOf(page, 'h1')).toBe('Mijn waardebon');
    expect(await textOf(page, '#balance')).toBe(euros(8_750, 'nl'));
    expect(await page.getByRole('button', { name: 'NL, Nederlands' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await poll(() => textOf(page, '#balance')).toBe(euros(8_750, 'nl'));
    expect(await textOf(page, 'h1')).toBe('Mijn waardebon');
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });
});
