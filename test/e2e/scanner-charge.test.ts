/**
 * The scanner's charge path with codes typed by hand (this browser has no camera: the page says so and
 * the manual entry works without any permission): local code checks, every refusal's message, a lost
 * answer retried under the same Idempotency-Key, a reload and a double tap during a confirmation, giving
 * up and retrying, the reversal from the receipt, and the day's list. Each test has its own shop and
 * vouchers; the API is the judge of what was charged.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import { codeFromRandomBytes, formatCode } from '../../shared/vouchers/voucher-code.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import {
  backdateRedemption,
  createTestCampaign,
  idempotencyKey,
  issueTestVoucher,
  today,
} from '../support/ledger-fixtures.ts';
import { api, localTarget } from '../support/local-target.ts';
import {
  balanceOf,
  button,
  createShopUser,
  expectScreen,
  type Page,
  recordApiRequests,
  retireShops,
  type ShopUser,
  seriousAccessibilityViolations,
  shopRedemptions,
  signIn,
  typeAmount,
  typeCode,
  visibleText,
} from './scanner-page.ts';

let browser: Browser;
let campaign: Campaign;
const shops: ShopUser[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  campaign = await createTestCampaign();
});

afterAll(async () => {
  await retireShops(shops);
  await browser?.close();
});

async function newShop(campaigns: Campaign[] = [campaign]): Promise<ShopUser> {
  const shop = await createShopUser(campaigns);
  shops.push(shop);
  return shop;
}

async function signedInPage(shop: ShopUser): Promise<Page> {
  const page = await phonePage(browser);
  await signIn(page, shop);
  return page;
}

const isRedeem = (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname === '/merchant/redemptions';
const redemptionRoute = () => `${localTarget().apiUrl}/merchant/redemptions`;
/** French money is written with a non-breaking space before the euro sign. */
const euro = (text: string) => text.replaceAll(' €', '\u00a0€');

describe('typing a code', () => {
  it('catches a mistyped check character on the phone, without sending anything', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    await expect
      .poll(() => visibleText(page, '#camera-status'))
      .toBe('Caméra indisponible (pas de caméra, ou accès refusé) : tapez le code du bon ci-dessous.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-2-scan');
    const requests = recordApiRequests(page);

    const last = voucher.code.at(-1);
    const typo = voucher.code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await typeCode(page, typo);
    const field = page.getByRole('textbox', { name: 'Code du bon' });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await visibleText(page, '#code-message')).toBe(
      'Ce code contient une faute de frappe : vérifiez chaque caractère et retapez-le.',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-2b-scan-typo');

    await typeCode(page, voucher.code.slice(0, 11));
    await expect
      .poll(() => visibleText(page, '#code-message'))
      .toMatch(/^Le code a 17 caractères, vous en avez tapé 9/);
    expect(requests.map((request) => request.url())).toEqual([]);

    // The right code, typed the sloppy way (lower case, spaces, O for 0), is found.
    await typeCode(page, voucher.code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o'));
    await expectScreen(page, 'Solde du bon');
    expect(await visibleText(page, '#voucher-balance')).toBe(euro('100,00 €'));
    expect(requests.filter((request) => request.url().includes('/merchant/vouchers/'))).toHaveLength(1);
    await page.context().close();
  });

  it('says when a shop that tried too many unknown codes may try again', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    // Twenty well-formed codes (right check character) that belong to no voucher.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await typeCode(page, formatCode(codeFromRandomBytes(randomBytes(10))));
      await expect
        .poll(() => visibleText(page, '#code-message'))
        .toBe(
          'Aucun bon ne porte ce code. Vérifiez-le et réessayez ; après 20 codes inconnus, les vérifications sont bloquées un moment.',
        );
      await page.getByRole('textbox', { name: 'Code du bon' }).fill('');
      await page.evaluate(() => {
        const message = document.querySelector('#code-message');
        if (message) message.textContent = '';
      });
    }
    await typeCode(page, voucher.code);
    await expect
      .poll(() => visibleText(page, '#code-message'))
      .toMatch(
        /^Trop de codes inconnus essayés depuis ce commerce : les vérifications sont bloquées jusqu’à \d\d:\d\d \(environ \d+ min\)\. Réessayez à ce moment-là\.$/,
      );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-2c-too-many-attempts');
    await page.context().close();
  });
});

describe('refusals', () => {
  it('shows the balance left when another till spent it meanwhile, and checks the amount locally', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    // Another till takes 95 € between the look-up and the confirmation.
    const other = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': idempotencyKey() },
      body: { code: voucher.code, amountCents: 9500 },
    });
    expect(other.status).toBe(201);

    await typeAmount(page, '10');
    await expectScreen(page, 'Confirmer l’encaissement');
    await button(page, 'Confirmer').click();
    await expectScreen(page, 'Solde du bon');
    expect(await visibleText(page, '#voucher-message')).toBe(
      euro('Le solde du bon ne suffit pas : il reste 5,00 €. Encaissez au plus 5,00 €.'),
    );
    expect(await visibleText(page, '#voucher-balance')).toBe(euro('5,00 €'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-3b-insufficient-balance');

    // With the new balance known, too much is refused on the phone, without a request.
    const requests = recordApiRequests(page);
    await typeAmount(page, '5,01');
    await expect
      .poll(() => visibleText(page, '#amount-message'))
      .toBe(euro('Le montant dépasse le solde du bon (5,00 €) : encaissez au plus 5,00 €.'));
    await typeAmount(page, '0');
    await expect.poll(() => visibleText(page, '#amount-message')).toBe('Le montant doit être supérieur à 0,00 €.');
    await typeAmount(page, '12,345');
    await expect
      .poll(() => visibleText(page, '#amount-message'))
      .toBe('Montant non reconnu : tapez des euros et des centimes, par exemple 12,50.');
    expect(requests).toEqual([]);
    expect(await balanceOf(shop, voucher.code)).toBe(500);
    await page.context().close();
  });

  it('shows the end date of an expired campaign, and offers no charge', async () => {
    const ended = await createTestCampaign({ startDate: addDays(today(), -40), endDate: addDays(today(), -1) });
    const shop = await newShop([ended]);
    const voucher = await issueTestVoucher(ended);
    const page = await signedInPage(shop);
    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    const date = ended.endDate.split('-').reverse().join('/');
    expect(await visibleText(page, '#voucher-message')).toBe(
      `Ce bon a expiré le ${date} : il ne peut plus être encaissé.`,
    );
    expect(await page.getByRole('textbox', { name: 'Montant' }).count()).toBe(0);
    expect(await button(page, 'Encaisser').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-3c-expired');
    await page.context().close();
  });
});

describe('a confirmation on a bad network', () => {
  it('retries a lost answer with the same Idempotency-Key: one redemption', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (isRedeem(request)) sent.push(request);
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    await page.route(redemptionRoute(), async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      calls += 1;
      if (calls === 1) {
        // The server charges the voucher, but the answer never reaches the phone.
        await route.fetch();
        return route.abort('connectionreset');
      }
      await released; // holds the retry until the test has seen the pending state
      return route.continue();
    });

    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '12,50');
    await button(page, 'Confirmer').click();
    await expect
      .poll(() => visibleText(page, '#confirm-status'))
      .toBe('Pas de réponse du service : nouvel essai (2). Le bon ne sera débité qu’une seule fois.');
    expect(await button(page, 'Abandonner').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-4b-retrying');
    release();

    await expectScreen(page, 'Encaissement effectué');
    expect(await visibleText(page, '#receipt-balance')).toBe(euro('87,50 €'));
    expect(sent).toHaveLength(2);
    const keys = sent.map((request) => request.headers()['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const list = await shopRedemptions(shop);
    expect(list.items).toHaveLength(1);
    expect(list.totalCents).toBe(1250);
    expect(await balanceOf(shop, voucher.code)).toBe(8750);
    await page.context().close();
  });

  it('resumes a confirmation after a reload with the same key, and a double tap sends once', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (isRedeem(request)) sent.push(request);
    });
    let calls = 0;
    await page.route(redemptionRoute(), async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      calls += 1;
      if (calls === 1) {
        // Charged on the server; the page is reloaded before the answer arrives.
        await route.fetch();
        await page.reload().catch(() => undefined);
        return route.abort().catch(() => undefined);
      }
      return route.continue();
    });

    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '20');
    await button(page, 'Confirmer').dblclick();
    await expectScreen(page, 'Encaissement effectué');
    expect(await visibleText(page, '#receipt-amount')).toBe(euro('20,00 €'));
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers()['idempotency-key']).toBe(sent[0]?.headers()['idempotency-key']);
    expect((await shopRedemptions(shop)).items).toHaveLength(1);
    expect(await balanceOf(shop, voucher.code)).toBe(8000);
    await page.context().close();
  });

  it('lets the shopkeeper give up, says the outcome is unknown, and retries under the same key', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (isRedeem(request)) sent.push(request);
    });
    await page.route(redemptionRoute(), (route: Route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '7,5');
    await expect.poll(() => visibleText(page, '#confirm-amount')).toBe(euro('7,50 €'));
    await button(page, 'Confirmer').click();
    await button(page, 'Abandonner').click();
    await expect
      .poll(() => visibleText(page, '#confirm-message'))
      .toMatch(/^Encaissement interrompu sans réponse : il a peut-être été enregistré\./);
    expect(await button(page, 'Confirmer').isVisible()).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-4c-abandoned');
    expect((await shopRedemptions(shop)).items).toHaveLength(0);

    await page.unroute(redemptionRoute());
    await button(page, 'Réessayer').click();
    await expectScreen(page, 'Encaissement effectué');
    expect(new Set(sent.map((request) => request.headers()['idempotency-key'])).size).toBe(1);
    expect((await shopRedemptions(shop)).items).toHaveLength(1);
    expect(await balanceOf(shop, voucher.code)).toBe(9250);
    await page.context().close();
  });
});

describe('after the charge', () => {
  it('cancels a redemption from its receipt, and lists the day with its total', async () => {
    const shop = await newShop();
    const [first, second] = [await issueTestVoucher(campaign), await issueTestVoucher(campaign)];
    const page = await signedInPage(shop);

    await typeCode(page, first.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '12,50');
    await button(page, 'Confirmer').click();
    await expectScreen(page, 'Encaissement effectué');
    await button(page, 'Nouveau scan').click();
    await expectScreen(page, 'Scanner un bon');

    await typeCode(page, second.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '30');
    await button(page, 'Confirmer').click();
    await expectScreen(page, 'Encaissement effectué');
    await button(page, 'Annuler cet encaissement').click();
    await expect
      .poll(() => visibleText(page, '#reverse-question'))
      .toBe(euro('Annuler l’encaissement de 30,00 € et le rendre au bon ?'));
    await button(page, 'Oui, annuler l’encaissement').click();
    await expect
      .poll(() => visibleText(page, '#receipt-message'))
      .toBe(euro('Encaissement annulé : 30,00 € rendus au bon. Solde du bon : 100,00 €.'));
    expect(await button(page, 'Annuler cet encaissement').isVisible()).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-6-reversed');
    expect(await balanceOf(shop, second.code)).toBe(10_000);

    await button(page, 'Encaissements du jour').click();
    await expectScreen(page, 'Encaissements du jour');
    await expect.poll(() => visibleText(page, '#today-total')).toBe(euro('Total du jour : 12,50 €'));
    expect(await visibleText(page, '#today-count')).toBe('1 encaissement');
    const rows = page.locator('#today-list li');
    expect(await rows.count()).toBe(2);
    const api = await shopRedemptions(shop);
    expect(api.totalCents).toBe(1250);
    // Newest first: the cancelled 30,00 then the 12,50.
    expect(await rows.nth(0).textContent()).toMatch(
      new RegExp(`^\\d\\d:\\d\\d ${api.items[0]?.reference} 30,00\u00a0€ annulé`),
    );
    expect(await rows.nth(1).textContent()).toMatch(
      new RegExp(`^\\d\\d:\\d\\d ${api.items[1]?.reference} 12,50\u00a0€`),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-7-today');

    await button(page, 'Retour au scanner').click();
    await expectScreen(page, 'Scanner un bon');
    await page.context().close();
  });

  it('explains a cancellation refused because its window has closed, and offers it no more', async () => {
    const shop = await newShop();
    const voucher = await issueTestVoucher(campaign);
    const page = await signedInPage(shop);
    await typeCode(page, voucher.code);
    await expectScreen(page, 'Solde du bon');
    await typeAmount(page, '15');
    await button(page, 'Confirmer').click();
    await expectScreen(page, 'Encaissement effectué');
    const [redemption] = (await shopRedemptions(shop)).items;
    // The shopkeeper comes back to the receipt the next day.
    await backdateRedemption(String(redemption?.redemptionId), new Date(Date.now() - 26 * 3_600_000));
    await button(page, 'Annuler cet encaissement').click();
    await button(page, 'Oui, annuler l’encaissement').click();
    await expect
      .poll(() => visibleText(page, '#receipt-message'))
      .toBe('Le délai pour annuler cet encaissement est dépassé. Contactez la commune pour le corriger.');
    expect(await button(page, 'Annuler cet encaissement').isVisible()).toBe(false);
    expect(await balanceOf(shop, voucher.code)).toBe(8500);
    await page.context().close();
  });
});
