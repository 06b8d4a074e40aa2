/**
 * The staff admin page as finance sees it, in one sign-in: only the dashboard, the shops (read-only) and the
 * settlements; a settlement run started from the page, followed to finance's approval, its documents listed,
 * the payment confirmed. Axe and a screenshot on each screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { launchChromium } from '../support/browser.ts';
import { idempotencyKey, issueTestVoucher } from '../support/ledger-fixtures.ts';
import { api, demoUser, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import { audit, button, deskPage, expectScreen, goTo, poll, signIn, textOf } from './admin-page.ts';

let browser: Browser;
let page: Page;
let cspViolations: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, cspViolations } = await deskPage(browser));
  // A purchase at a demo shop (it has an IBAN): the run started below has something to pay.
  const demo = await createCampaignStore(localTable()).get(localTarget().campaignId);
  if (!demo) throw new Error('no demo campaign');
  const bought = await api('/merchant/redemptions', {
    method: 'POST',
    token: await tokenFor('merchant'),
    headers: { 'idempotency-key': idempotencyKey() },
    body: { code: (await issueTestVoucher(demo)).code, amountCents: 500 },
  });
  expect(bought.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
});

describe('the staff admin page for finance', () => {
  it('shows finance its three screens only, and the shops without changing them', async () => {
    await signIn(page, demoUser('finance'));
    await expectScreen(page, 'Tableau de bord');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await poll(() => nav.getByRole('link').allTextContents()).toEqual([
      'Tableau de bord',
      'Commerces',
      'Remboursements',
    ]);
    // A screen typed into the address that the role may not use falls back to the dashboard.
    await page.goto(`${page.url().split('#')[0]}#audit`);
    await expectScreen(page, 'Tableau de bord');
    await goTo(page, 'Commerces', 'Commerces');
    await poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
    expect(await button(page, 'Ajouter un commerce').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Désactiver / }).count()).toBe(0);
    // Finance sees full IBANs.
    expect(await textOf(page, '#shops-list')).toMatch(/BE\d{14}/);
    await audit(page, 'finance-shops');
  });

  // A run over every purchase the other e2e files made, its documents and mails: minutes on a loaded runner.
  it('starts a settlement run, follows it, lists its documents and confirms the payment', {
    timeout: 240_000,
  }, async () => {
    await goTo(page, 'Remboursements', 'Remboursements aux commerces');
    await button(page, 'Lancer un règlement maintenant').click();
    await expect
      .poll(() => textOf(page, '#settlements-message'), { timeout: 60_000 })
      .toBe('À approuver par les finances');
    await poll(() => textOf(page, '#settlement-fields')).toContain('À approuver par les finances');
    await poll(() => textOf(page, '#settlement-files')).toContain('Fichier de paiement (XML)');
    await poll(() => textOf(page, '#settlement-lines')).toContain('Boulangerie');
    await audit(page, 'settlements');
    await button(page, 'Confirmer l’envoi du paiement à la banque').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer l’envoi du paiement à la banque' }).click();
    await expect
      .poll(() => textOf(page, '#settlement-message'), { timeout: 60_000 })
      .toBe('Paiement confirmé : les commerces sont notifiés.');
    expect(cspViolations).toEqual([]);
  });
});
