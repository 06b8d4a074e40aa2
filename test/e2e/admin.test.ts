/**
 * The staff admin page in Chromium against the local target, as the town's staff member (role `staff`) uses
 * it, in one sign-in: the dashboard's figures move after a purchase made at a shop through the API; a shop is
 * onboarded after its IBAN was refused as typed; a campaign is created and extended (31 December to 31 March);
 * a register file is uploaded from the browser and its import followed to the end; a lost voucher is found,
 * voided and reissued; its household opened with a reason, and that look-up found in the audit log. Every
 * screen is audited with axe-core and photographed (test-results/screenshots/admin-*.png), at 1280 px and on
 * a tablet; the page never trips its Content-Security-Policy.
 */

import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api/dashboard.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { issuanceRunItem } from '../../shared/data/issuance-store.ts';
import { createPersonStore } from '../../shared/data/person-store.ts';
import { putItem } from '../../shared/data/table.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import { ZERO_COUNTS } from '../../shared/issuance/issuance-run.ts';
import { formatEuros } from '../../shared/money/money.ts';
import { fixtureText } from '../fixtures/register/register-files.ts';
import { launchChromium } from '../support/browser.ts';
import { idempotencyKey, issueTestVoucher, type TestVoucher } from '../support/ledger-fixtures.ts';
import { api, demoUser, localTable, localTarget, tokenFor, uniqueId } from '../support/local-target.ts';
import { createCampaign } from '../support/register-api.ts';
import { replacementCode } from '../support/replacement-letter.ts';
import { audit, button, deskPage, expectScreen, goTo, poll, signIn, textOf } from './admin-page.ts';

let browser: Browser;
let page: Page;
let cspViolations: string[];
let demo: Campaign;
/** A voucher of the demo campaign whose holder has a name (for the household look-up). */
let lost: TestVoucher;
let householdRef: string;
const createdShops: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, cspViolations } = await deskPage(browser));
  const found = await createCampaignStore(localTable()).get(localTarget().campaignId);
  if (!found) throw new Error('no demo campaign');
  demo = found;
  householdRef = uniqueId('household');
  lost = await issueTestVoucher(demo, { householdRef });
  const stored = await createVoucherStore(localTable()).get(lost.voucherId);
  if (!stored) throw new Error('voucher not stored');
  await createPersonStore(localTable()).save(
    {
      campaignId: demo.campaignId,
      personRef: stored.beneficiaryRef,
      householdRef,
      birthDate: '2011-03-02',
      lastName: 'Lambert',
      firstName: 'Noémie',
      address: { street: 'Rue de Mons', houseNumber: '14', box: null, postcode: '7300', locality: 'Boussu' },
      eligibility: 'AUTOMATIC',
      fingerprint: 'e2e',
      version: 1,
      firstImportId: 'I-e2e',
      lastImportId: 'I-e2e',
      updatedAt: new Date().toISOString(),
    },
    undefined,
  );
});

afterAll(async () => {
  // The public page's test counts the demo town's active shops: leave none of ours active.
  const token = await tokenFor('staff');
  for (const merchantId of createdShops) {
    await api(`/merchants/${merchantId}`, { method: 'PATCH', token, body: { status: 'INACTIVE' } });
  }
  await browser?.close();
});

const dashboardOf = async (campaignId: string) =>
  (await api<Dashboard>(`/campaigns/${campaignId}/dashboard`, { token: await tokenFor('staff') })).body;

describe('the staff admin page', () => {
  it('signs staff in on the dashboard, hides what the role may not do, and shows the figures', async () => {
    await signIn(page, demoUser('staff'));
    await expectScreen(page, 'Tableau de bord');
    await page.getByLabel('Campagne', { exact: true }).selectOption(demo.campaignId);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await poll(() => nav.getByRole('link').allTextContents()).toEqual([
      'Tableau de bord',
      'Ménages',
      'Bons',
      'Commerces',
      'Campagnes',
      'Import du registre',
      'Émission et lettres',
      'Demandes 19-21 ans',
      'Journal d’audit',
    ]);
    const figures = await dashboardOf(demo.campaignId);
    await poll(() => textOf(page, '#fig-budget')).toBe(formatEuros(figures.budgetCents));
    // The charts arrive in their own chunk, each canvas with a summary for screen readers.
    await expect
      .poll(() => page.locator('#chart-usage').getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/^Bons pas utilisés/);
  });

  it('moves the figures within seconds of a purchase made at a shop', async () => {
    const before = await dashboardOf(demo.campaignId);
    await poll(() => textOf(page, '#fig-redeemed')).toBe(formatEuros(before.redeemed.valueCents));
    const shop = await tokenFor('merchant');
    const spent = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop,
      headers: { 'idempotency-key': idempotencyKey() },
      body: { code: (await issueTestVoucher(demo)).code, amountCents: 1250 },
    });
    expect(spent.status).toBe(201);
    // No reload: the page polls while it is shown.
    await expect
      .poll(() => textOf(page, '#fig-redeemed'), { timeout: 30_000 })
      .toBe(formatEuros(before.redeemed.valueCents + 1250));
    await poll(() => textOf(page, '#fig-redeemed-count')).toContain(String(before.redeemed.count + 1));
    await poll(() => page.locator('#chart-days').getAttribute('aria-label')).toMatch(/^Dépenses par jour/);
    await audit(page, 'dashboard');
  });

  it('onboards a shop whose IBAN is checked as it is typed, then deactivates it after a confirmation', async () => {
    await goTo(page, 'Commerces', 'Commerces');
    await button(page, 'Ajouter un commerce').click();
    const name = `Épicerie ${uniqueId('e2e')}`;
    await page.getByLabel('Nom (raison sociale)').fill(name);
    await page.getByLabel('Type de commerce').selectOption('grocery');
    await page.getByLabel('Adresse e-mail').fill(`${randomUUID()}@shops.test.invalid`);
    await page.getByLabel('Rue').fill('Rue Grande');
    await page.getByLabel('Numéro', { exact: true }).fill('12');
    await page.getByLabel('Code postal').fill('7300');
    await page.getByLabel('Localité').fill('Boussu');
    const iban = page.getByLabel('IBAN (compte des remboursements)');
    // One digit wrong: the IBAN's check digits no longer match, and the page says so before anything is sent.
    await iban.fill('BE68 5390 0754 7035');
    await poll(() => textOf(page, '#shop-iban-message')).toMatch(/^Les chiffres de contrôle .* une faute de frappe/);
    await poll(() => iban.getAttribute('aria-invalid')).toBe('true');
    await audit(page, 'shops-form');
    await iban.fill('BE68 5390 0754 7034');
    await poll(() => textOf(page, '#shop-iban-message')).toBe('IBAN valable : BE68 5390 0754 7034');
    await poll(() => iban.getAttribute('aria-invalid')).toBeNull();
    await button(page, 'Enregistrer').click();
    await poll(() => textOf(page, '#shops-message')).toBe(`« ${name} » est enregistré.`);
    const listed = await api<{ items: Array<{ merchantId: string; name: string; ibanMasked?: string }> }>(
      '/merchants',
      {
        token: await tokenFor('staff'),
      },
    );
    const shop = listed.body.items.find((candidate) => candidate.name === name);
    expect(shop?.ibanMasked).toBe('BE68 •••• •••• 7034');
    if (shop) createdShops.push(shop.merchantId);
    const row = page.getByRole('row').filter({ hasText: name });
    await poll(() => row.textContent()).toContain('Actif');

    // Enrolled in the campaign chosen in the header, then deactivated (a confirmation first).
    await row.getByRole('button', { name: `Inscrire ${name} à la campagne ${demo.name}` }).click();
    await poll(() => textOf(page, '#shops-message')).toContain('est inscrit à la campagne');
    await poll(() => row.textContent()).toContain('Inscrit');
    await row.getByRole('button', { name: `Désactiver ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.textContent()).toContain('ne pourra plus encaisser');
    await dialog.getByRole('button', { name: 'Désactiver', exact: true }).click();
    await poll(() => textOf(page, '#shops-message')).toBe(`« ${name} » est désactivé.`);
    await poll(() => row.textContent()).toContain('Désactivé');
    await audit(page, 'shops');
  });

  it('creates a campaign and extends its end date from 31 December to 31 March', async () => {
    await goTo(page, 'Campagnes', 'Campagnes');
    await button(page, 'Créer une campagne').click();
    const name = `Chèque jeunesse ${uniqueId('e2e')}`;
    await page.getByLabel('Nom', { exact: true }).fill(name);
    await page.getByLabel('Valeur d’un bon (€)').fill('100');
    await page.getByLabel('Budget (€)').fill('550000');
    await page.getByLabel('Début', { exact: true }).fill('2026-09-01');
    await page.getByLabel('Fin', { exact: true }).fill('2026-12-31');
    await page.getByLabel('Date de référence des âges').fill('2026-09-01');
    await page.getByLabel('Année scolaire de la preuve').fill('2026-2027');
    await button(page, 'Créer la campagne').click();
    await poll(() => textOf(page, '#campaigns-message')).toBe(`La campagne « ${name} » est créée.`);
    const row = page.getByRole('row').filter({ hasText: name });
    await poll(() => row.textContent()).toContain('du 01/09/2026 au 31/12/2026');

    await row.getByRole('button', { name: `Prolonger ${name}` }).click();
    await poll(() => textOf(page, '#extend-current')).toBe('Fin actuelle : 31/12/2026.');
    // An earlier date is refused by the API, in French.
    await page.getByLabel('Nouvelle date de fin').fill('2026-10-31');
    await button(page, 'Prolonger').click();
    await poll(() => textOf(page, '#extend-message')).toMatch(/ne peut qu’être prolongée/);
    await page.getByLabel('Nouvelle date de fin').fill('2027-03-31');
    await button(page, 'Prolonger').click();
    await poll(() => textOf(page, '#campaigns-message')).toBe(
      `La campagne « ${name} » se termine maintenant le 31/03/2027.`,
    );
    await poll(() => row.textContent()).toContain('au 31/03/2027');
    const campaigns = await api<{ items: Array<{ campaignId: string; name: string; endDate: string }> }>('/campaigns', {
      token: await tokenFor('staff'),
    });
    expect(campaigns.body.items.find((campaign) => campaign.name === name)?.endDate).toBe('2027-03-31');
    await audit(page, 'campaigns');
  });

  it('uploads a register file from the browser and follows its import to the end', async () => {
    // The campaign just created is the latest: the import goes there, not into the demo campaign.
    const campaigns = await api<{ items: Array<{ campaignId: string; name: string }> }>('/campaigns', {
      token: await tokenFor('staff'),
    });
    const target = campaigns.body.items.find((campaign) => campaign.name.startsWith('Chèque jeunesse e2e-'));
    if (!target) throw new Error('the campaign of the previous test is missing');
    await page.getByLabel('Campagne', { exact: true }).selectOption(target.campaignId);
    await goTo(page, 'Import du registre', 'Import du registre de population');
    await page.getByLabel('Fichier du registre').setInputFiles({
      name: 'population.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixtureText('population-fr.csv'), 'utf8'),
    });
    await button(page, 'Envoyer et traiter').click();
    await expect
      .poll(() => textOf(page, '#import-status'), { timeout: 60_000 })
      .toMatch(/^Import terminé : \d+ lignes acceptées, \d+ refusées\.$/);
    const counts = await textOf(page, '#import-counts');
    expect(counts).toMatch(/Lignes\d+ lues, \d+ acceptées, \d+ refusées/);
    expect(
      await page.getByRole('link', { name: 'Télécharger les lignes refusées (CSV)' }).getAttribute('href'),
    ).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await audit(page, 'imports');
    await page.getByLabel('Campagne', { exact: true }).selectOption(demo.campaignId);
  });

  it('finds a lost voucher by its code, opens its household with a reason, and voids and reissues it', async () => {
    await goTo(page, 'Bons', 'Bons');
    const code = page.getByLabel('Code du bon');
    await code.fill(lost.code.slice(0, -3));
    await button(page, 'Chercher').click();
    await poll(() => textOf(page, '#voucher-code-message')).toBe('Le code a 17 caractères, vous en avez tapé 15.');
    await code.fill(lost.code.toLowerCase());
    await button(page, 'Chercher').click();
    await poll(() => textOf(page, '#voucher-balance')).toBe(formatEuros(10_000));
    await poll(() => textOf(page, '#voucher-household')).toBe(householdRef);
    await poll(() => textOf(page, '#voucher-history')).toContain('Émission');
    await audit(page, 'voucher');

    // Its household: names only with a reason, and that look-up is audited.
    await button(page, 'Ouvrir ce ménage').click();
    await expectScreen(page, 'Ménages');
    expect(await page.getByLabel('Référence du ménage').inputValue()).toBe(householdRef);
    await button(page, 'Ouvrir le ménage').click();
    await poll(() => textOf(page, '#hh-reason-message')).toMatch(/^Dites pourquoi/);
    expect(await page.locator('#hh-members').isVisible()).toBe(false);
    const reason = `Appel du parent : lettre perdue (${uniqueId('r')})`;
    await page.getByLabel('Motif de la consultation (obligatoire)').fill(reason);
    await button(page, 'Ouvrir le ménage').click();
    await poll(() => textOf(page, '#hh-members')).toContain('Noémie');
    await poll(() => textOf(page, '#hh-views')).toContain(reason);
    await audit(page, 'households');

    await goTo(page, 'Bons', 'Bons');
    await code.fill(lost.code);
    await button(page, 'Chercher').click();
    await poll(() => textOf(page, '#voucher-status')).toBe('Valable');
    // The confirmation is a modal dialog: Escape says no, and nothing happens.
    await button(page, 'Annuler et remplacer ce bon (perdu)').click();
    await poll(() => page.getByRole('dialog').textContent()).toContain(`nouveau bon de ${formatEuros(10_000)}`);
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await button(page, 'Annuler et remplacer ce bon (perdu)').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Oui, annuler et remplacer' }).click();
    await expectScreen(page, 'Bons');
    await expect.poll(() => textOf(page, '#voucher-reissued'), { timeout: 30_000 }).toContain('prochaine série');
    // The page shows no code: the new one exists only in the letter the next letter run prints.
    expect(await textOf(page, '#voucher-reissued')).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await audit(page, 'voucher-reissued');
    const staff = await tokenFor('staff');
    const old = await api<{ status: string; replacedByVoucherId: string | null }>('/vouchers/lookup', {
      method: 'POST',
      token: staff,
      body: { code: lost.code },
    });
    expect(old.body.status).toBe('VOIDED');
    // The family's new code, as the replacement letter will print it.
    const newCode = await replacementCode(demo.campaignId, old.body.replacedByVoucherId ?? '');
    const replacement = await api<{ status: string; balanceCents: number }>('/vouchers/lookup', {
      method: 'POST',
      token: staff,
      body: { code: newCode },
    });
    expect(replacement.body).toMatchObject({ status: 'ACTIVE', balanceCents: 10_000 });
  });

  it('shows who looked at which household in the audit log, filtered by entity and actor', async () => {
    await goTo(page, 'Journal d’audit', 'Journal d’audit');
    await page.getByLabel('Sur quoi').selectOption('household');
    await page.getByLabel('Qui (identifiant)').fill(demoUser('staff').username);
    await button(page, 'Filtrer').click();
    const row = page.getByRole('row').filter({ hasText: householdRef });
    await poll(() => row.textContent()).toContain('Ménage consulté');
    expect(await row.textContent()).toContain(`${demoUser('staff').username} (staff)`);
    expect(await row.textContent()).toContain('Appel du parent');
    // Nobody by that name: nothing.
    await page.getByLabel('Qui (identifiant)').fill('personne-de-ce-nom');
    await button(page, 'Filtrer').click();
    await poll(() => textOf(page, '#audit-list')).toBe('Aucun événement ce jour-là avec ces filtres.');
    await page.getByLabel('Qui (identifiant)').fill('');
    await button(page, 'Filtrer').click();
    await poll(() => textOf(page, '#audit-list')).toContain('Ménage consulté');
    await audit(page, 'audit');
  });

  it('finds an issuance run whose worker died when staff come back, and resumes it to its end', async () => {
    // A campaign whose issuance worker was lost: the run RUNNING, its lease long gone, its id known to no page.
    const { campaignId } = await createCampaign({ name: `Chèque jeunesse e2e-reprise-${uniqueId('r')}` });
    const createdAt = new Date(Date.now() - 3_600_000).toISOString();
    const runId = `R${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
    await putItem(
      localTable(),
      issuanceRunItem({
        runId,
        campaignId,
        status: 'RUNNING',
        createdAt,
        createdBy: 'e2e',
        startedAt: createdAt,
        nextPart: 0,
        leaseUntil: Math.floor(Date.now() / 1000) - 600,
        ...ZERO_COUNTS,
      }),
    );
    // A reload, as the next morning: the page knows the campaign, not the run.
    await page.reload();
    const campaignChoice = page.getByLabel('Campagne', { exact: true });
    await poll(() => campaignChoice.locator(`option[value="${campaignId}"]`).count()).toBe(1);
    await campaignChoice.selectOption(campaignId);
    await goTo(page, 'Émission et lettres', 'Émission et lettres');
    await poll(() => textOf(page, '#issuance-status')).toMatch(/^L’émission ne donne plus signe de vie/);

    // Another campaign chosen: nothing of this run stays on the screen, and the page stops asking about it.
    const asked: string[] = [];
    const countRunReads = (request: { url(): string }) => {
      if (request.url().endsWith(`/issuance/${runId}`)) asked.push(request.url());
    };
    await campaignChoice.selectOption(demo.campaignId);
    await poll(() => page.locator('#issuance-status').isHidden()).toBe(true);
    expect(await page.locator('#issuance-counts').isHidden()).toBe(true);
    expect(await page.locator('#issuance-resume').isHidden()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    page.on('request', countRunReads);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    page.off('request', countRunReads);
    expect(asked).toEqual([]);

    // Back to it: the run is picked up again, and resumed to its end.
    await campaignChoice.selectOption(campaignId);
    await poll(() => textOf(page, '#issuance-status')).toMatch(/^L’émission ne donne plus signe de vie/);
    await button(page, 'Reprendre l’émission').click();
    await poll(() => textOf(page, '#issuance-status')).toBe('Émission terminée : 0 bons émis.');
    expect(await page.locator('#issuance-resume').isHidden()).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/admin-runs-resumed.png' });
    await campaignChoice.selectOption(demo.campaignId);
    await goTo(page, 'Tableau de bord', 'Tableau de bord');
  });

  it('shows the other screens to staff, accessible, and works on a tablet', async () => {
    await goTo(page, 'Émission et lettres', 'Émission et lettres');
    await poll(() => textOf(page, '#letters-runs')).not.toBe('');
    await audit(page, 'runs');
    await goTo(page, 'Demandes 19-21 ans', 'Demandes 19-21 ans');
    await poll(() => textOf(page, '#applications-message')).toMatch(/demande/);
    await audit(page, 'applications');

    await page.setViewportSize({ width: 800, height: 1100 });
    await goTo(page, 'Tableau de bord', 'Tableau de bord');
    await poll(() => page.locator('#chart-burn').getAttribute('aria-label')).toMatch(/^Budget restant/);
    await audit(page, 'dashboard-tablet');
    // Nothing overflows sideways on the tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(cspViolations).toEqual([]);
  });
});
