/**
 * The today screen's "Remboursements": what a shopkeeper reads of the town's reimbursements (one paid, one
 * being paid, none yet, the service failing), with GET /merchant/settlements answered by route interception;
 * and a demo shop of the seed against the real API, which has none yet.
 */
import type { Browser, Response, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuredCommunicationFor } from '../../shared/payments/structured-communication.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import { createTestCampaign } from '../support/ledger-fixtures.ts';
import { api, demoUser, localTarget, tokenFor } from '../support/local-target.ts';
import {
  button,
  createShopUser,
  expectScreen,
  type Page,
  retireShops,
  type ShopUser,
  seriousAccessibilityViolations,
  signIn,
  visibleText,
} from './scanner-page.ts';

let browser: Browser;
let shop: ShopUser;

beforeAll(async () => {
  browser = await launchChromium();
  shop = await createShopUser([await createTestCampaign()]);
});

afterAll(async () => {
  if (shop) await retireShops([shop]);
  await browser?.close();
});

const PENDING_REFERENCE = structuredCommunicationFor('settlement-pending');
const PAID_REFERENCE = structuredCommunicationFor('settlement-paid');

/** Newest first, as the API answers: a run closed on 8 December still being paid, and November's, paid. */
const TWO_SETTLEMENTS = {
  items: [
    {
      settlementId: 'S01KPENDING000000000000000',
      runId: 'P01KPENDING00000',
      amountCents: 123_450,
      redemptions: 17,
      remittanceReference: PENDING_REFERENCE,
      closedAt: '2026-12-08T23:10:00.000+01:00',
      status: 'PENDING',
      payoutDate: null,
    },
    {
      settlementId: 'S01KPAID0000000000000000000',
      runId: 'P01KPAID00000000',
      amountCents: 2250,
      redemptions: 1,
      remittanceReference: PAID_REFERENCE,
      closedAt: '2026-11-30T23:10:00.000+01:00',
      status: 'PAID',
      payoutDate: '2026-12-03',
    },
  ],
  nextCursor: null,
};

const PROBLEM_500 = {
  type: 'about:blank',
  title: 'Internal Server Error',
  status: 500,
  code: 'INTERNAL',
  detail: 'The service had a problem.',
};

const settlementsUrl = () => `${localTarget().apiUrl}/merchant/settlements`;
/** French money is written with a non-breaking space before the euro sign (and narrow ones in thousands). */
const euro = (text: string) => text.replaceAll(' €', '\u00a0€').replaceAll(' ', '\u202f');

/** Answers the page's GET /merchant/settlements with `status` and `body` until the test changes it. */
async function answerSettlements(page: Page, status: number, body: unknown): Promise<void> {
  await page.unroute(settlementsUrl());
  await page.route(settlementsUrl(), (route: Route) => {
    if (route.request().method() !== 'GET') return route.continue();
    return route.fulfill({
      status,
      contentType: status >= 400 ? 'application/problem+json' : 'application/json',
      headers: { 'access-control-allow-origin': new URL(localTarget().webUrl).origin },
      body: JSON.stringify(body),
    });
  });
}

async function openToday(page: Page): Promise<void> {
  await button(page, 'Encaissements du jour').click();
  await expectScreen(page, 'Encaissements du jour');
}

const settlementsStatus = (page: Page) => visibleText(page, '#settlements-status');
const cards = (page: Page) => page.locator('#settlements-list > li');
/** The lines a card shows, as the shopkeeper reads them (block margins make no line of their own). */
const cardLines = async (page: Page, index: number) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is asserted
  (await cards(page).nth(index).innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

describe('the shop’s reimbursements on the today screen', () => {
  it('lists a payment under way and a paid one, newest first, with communications to copy', async () => {
    const page = await phonePage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(localTarget().webUrl).origin,
    });
    const scripts: string[] = [];
    page.on('response', (response: Response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    await answerSettlements(page, 200, TWO_SETTLEMENTS);
    await signIn(page, shop);
    // The section's code is not downloaded before its screen, and the page's own code is one file (the QR
    // decoder comes with the scan screen's camera).
    expect(scripts.filter((path) => !path.includes('/chunks/qr-scanner'))).toEqual(['/scanner/main.js']);

    await openToday(page);
    await expect.poll(() => settlementsStatus(page)).toBe('2 remboursements');
    expect(scripts.filter((path) => /\/chunks\/settlements-/.test(path))).toHaveLength(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Remboursements' }).isVisible()).toBe(true);
    expect(await cards(page).count()).toBe(2);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      euro('1 234,50 €'),
      euro('22,50 €'),
    ]);
    expect(await cardLines(page, 0)).toEqual([
      euro('1 234,50 €'),
      'En cours de paiement depuis le 08/12/2026',
      'Communication structurée',
      PENDING_REFERENCE,
      'Copier',
      'Achats remboursés',
      '17',
    ]);
    expect(await cardLines(page, 1)).toEqual([
      euro('22,50 €'),
      'Versé le 03/12/2026',
      'Communication structurée',
      PAID_REFERENCE,
      'Copier',
      'Achats remboursés',
      '1',
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-8-settlements');

    // By keyboard: from the refresh button, the next stop copies the newest communication.
    await page.getByRole('button', { name: 'Actualiser les remboursements' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Copier la communication ${PENDING_REFERENCE}`,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => cards(page).nth(0).locator('.copy-feedback').textContent()).toBe('Communication copiée.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PENDING_REFERENCE);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-8b-settlements-copied');
    await page.context().close();
  });

  it('says when there is nothing to reimburse yet', async () => {
    const page = await phonePage(browser);
    await answerSettlements(page, 200, { items: [], nextCursor: null });
    await signIn(page, shop);
    await openToday(page);
    await expect
      .poll(() => settlementsStatus(page))
      .toBe('Aucun remboursement pour l’instant : les achats sont remboursés dans les 10\u00a0jours.');
    expect(await cards(page).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the service’s failure in the page’s words, and the list after a refresh', async () => {
    const page = await phonePage(browser);
    await answerSettlements(page, 500, PROBLEM_500);
    await signIn(page, shop);
    await openToday(page);
    await expect
      .poll(() => settlementsStatus(page))
      .toBe('Le service a rencontré un problème. Réessayez dans un instant.');
    expect(await page.locator('#settlements-status').getAttribute('class')).toContain('error');
    expect(await cards(page).count()).toBe(0);
    // The rest of the screen is unaffected (it loads on its own, maybe after the failure is shown).
    await expect.poll(() => visibleText(page, '#today-count')).toBe('Aucun encaissement aujourd’hui.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-8c-settlements-error');

    await answerSettlements(page, 200, TWO_SETTLEMENTS);
    await button(page, 'Actualiser les remboursements').click();
    await expect.poll(() => settlementsStatus(page)).toBe('2 remboursements');
    expect(await cards(page).count()).toBe(2);
    await page.context().close();
  });
});

describe('against the real API', () => {
  it('shows a demo shop of the seed that it has no reimbursement yet', async () => {
    const merchant = demoUser('merchant');
    const answer = await api<{ items: unknown[] }>('/merchant/settlements', { token: await tokenFor('merchant') });
    expect(answer.status).toBe(200);
    // No settlement run has been made on the shared target (the settlement tests use their own).
    expect(answer.body.items).toEqual([]);

    const page = await phonePage(browser);
    await signIn(page, merchant);
    await openToday(page);
    await expect
      .poll(() => settlementsStatus(page))
      .toBe('Aucun remboursement pour l’instant : les achats sont remboursés dans les 10\u00a0jours.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-8d-settlements-none');
    await page.context().close();
  });
});
