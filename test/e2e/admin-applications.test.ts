/**
 * The staff's applications screen and what the register said of each filing: in the list and the detail in
 * words, approval offered only for a match, a filing that is not the person it names only refused, with a reason.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { launchChromium } from '../support/browser.ts';
import { demoUser, uniqueId } from '../support/local-target.ts';
import {
  clientAddress,
  createCampaign,
  importRegister,
  publicPost,
  registerFile,
  registerLine,
} from '../support/register-api.ts';
import { type AdminPage, audit, button, deskPage, expectScreen, goTo, poll, signIn, textOf } from './admin-page.ts';

const STUDENT = { birthDate: '2006-03-15', sequence: 41, lastName: 'Étudiante', firstName: 'Chloé' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Files, uploads the proof and submits, as the /demande/ page does (registerLine() puts everyone at 5000). */
async function apply(campaignId: string, postcode: string): Promise<string> {
  const address = clientAddress();
  const filed = await publicPost<{ applicationId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(
    `/campaigns/${campaignId}/applications`,
    {
      nationalNumber: makeNationalNumber(STUDENT.birthDate, STUDENT.sequence),
      birthDate: STUDENT.birthDate,
      postcode,
      email: `${uniqueId('applicant')}@example.org`,
      consent: true,
      proof: { contentType: 'application/pdf', bytes: PDF.length },
    },
    address,
  );
  expect(filed.status).toBe(201);
  const { applicationId, uploadUrl, uploadHeaders } = filed.body;
  expect((await fetch(uploadUrl, { method: 'PUT', headers: uploadHeaders, body: new Uint8Array(PDF) })).ok).toBe(true);
  const submitted = await publicPost(
    `/campaigns/${campaignId}/applications/${applicationId}/submit`,
    undefined,
    address,
  );
  expect(submitted.status).toBe(200);
  return applicationId;
}

let browser: Browser;
let admin: AdminPage;
let campaignId: string;

beforeAll(async () => {
  browser = await launchChromium();
  ({ campaignId } = await createCampaign());
  await importRegister(campaignId, registerFile([registerLine(STUDENT)]));
  // The student's own filing, then one in their name with another postcode (someone else's attempt).
  await apply(campaignId, '5000');
  await apply(campaignId, '7300');
  admin = await deskPage(browser);
  // The page opens on the campaign it kept from last time.
  await admin.page.addInitScript((id) => localStorage.setItem('admin.campaign', id), campaignId);
});

afterAll(async () => {
  await browser?.close();
});

describe('the applications screen', () => {
  it('says what the register found, and offers only a reasoned refusal when it is not a match', async () => {
    const { page } = admin;
    await signIn(page, demoUser('staff'));
    await expectScreen(page, 'Tableau de bord');
    await goTo(page, 'Demandes 19-21 ans', 'Demandes 19-21 ans');
    const rows = page.locator('#applications-list tbody tr');
    await poll(() => rows.count()).toBe(2);
    const matched = rows.filter({ hasText: 'Chloé Étudiante' });
    const other = rows.filter({ hasText: 'Non identifiée' });
    expect(await matched.textContent()).toContain('Conforme');
    expect(await other.textContent()).toContain('Données différentes');

    await other.getByRole('button').click();
    await poll(() => textOf(page, '#application-title')).toBe('Demande d’une personne non identifiée');
    expect(await textOf(page, '#application-fields')).toContain(
      'la date de naissance ou le code postal donnés ne sont pas ceux du registre',
    );
    expect(await button(page, 'Accepter et émettre le bon').count()).toBe(0);
    expect(await textOf(page, '#application-reject-only')).toMatch(/^Seul un refus motivé est possible/);
    expect(await button(page, 'Refuser').count()).toBe(1);
    await audit(page, 'application-not-matched');
    await page.getByLabel('Motif du refus (communiqué au demandeur)').fill('Les données ne correspondent pas.');
    await button(page, 'Refuser').click();
    await poll(() => textOf(page, '#applications-message')).toBe('Demande d’une personne non identifiée refusée.');
    await poll(() => rows.count()).toBe(1);

    await matched.getByRole('button').click();
    await poll(() => textOf(page, '#application-title')).toBe('Demande de Chloé Étudiante');
    expect(await textOf(page, '#application-fields')).toContain('personne de 19 à 21 ans inscrite au registre');
    expect(await button(page, 'Accepter et émettre le bon').count()).toBe(1);
    expect(await page.locator('#application-reject-only').isVisible()).toBe(false);
    await audit(page, 'application-matched');
    expect(admin.cspViolations).toEqual([]);
  });
});
