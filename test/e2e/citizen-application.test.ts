/**
 * /demande/ on a student's phone, in Chromium against the local target: the national number checked as it
 * is typed, the proof checked before any upload, an application filed with a JPEG photo (progress shown, a
 * receipt with its reference) that reaches the staff's queue and whose approval is mailed (local SES store);
 * the same number filed again and a number from outside the town get the very same answer. The page is
 * axe-clean in FR, NL and DE (screenshots in test-results/screenshots/demande-*.png), trips no CSP rule,
 * sends nothing to a third party and loads at most 30 KiB of JavaScript (gzip).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { api, localTarget, tokenFor } from '../support/local-target.ts';
import { applicantAddress, waitForMails } from '../support/mailbox.ts';
import { createCampaign, importRegister, registerFile, registerLine } from '../support/register-api.ts';
import {
  apiFromOwnAddress,
  citizenPage,
  initialScriptGzipBytes,
  type Language,
  poll,
  textOf,
} from './citizen-pages.ts';
import { seriousAccessibilityViolations } from './scanner-page.ts';

/** 20 at the campaign's reference date: on application. registerLine() puts everyone at 5000 Namur. */
const STUDENT = { birthDate: '2006-03-15', sequence: 41, lastName: 'Étudiante', firstName: 'Chloé' } as const;
/** The printed form, as on an identity card. */
const printed = (digits: string) =>
  `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
const REFERENCE = /^A(-[0-9A-Z]{4}){4}$/;

interface Applicant {
  readonly nationalNumber: string;
  readonly birthDate: string;
  readonly postcode: string;
  readonly email: string;
}

const demandeUrl = () => `${localTarget().webUrl}/demande/`;

describe('/demande/: apply for a voucher', () => {
  let browser: Browser;
  let campaignId: string;
  let campaignName: string;
  /** A real JPEG, as a phone's camera gives (a screenshot of a page, encoded by Chromium). */
  let jpeg: Buffer;

  beforeAll(async () => {
    const name = `Chèque études ${Date.now().toString(36)}`;
    ({ campaignId } = await createCampaign({ name }));
    campaignName = name;
    const imported = await importRegister(campaignId, registerFile([registerLine(STUDENT)]));
    expect(imported.status).toBe('DONE');
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.setContent('<h1>Attestation de fréquentation scolaire 2026-2027</h1><p>Chloé Étudiante</p>');
    jpeg = await page.screenshot({ type: 'jpeg', quality: 80 });
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh phone in `language`, its API calls from an address of its own, on the form of our campaign. */
  async function openForm(language: Language = 'fr') {
    const citizen = await citizenPage(browser, language);
    await apiFromOwnAddress(citizen.page);
    await citizen.page.goto(demandeUrl());
    await citizen.page.locator('#application').waitFor({ state: 'visible', timeout: 20_000 });
    // Other tests' campaigns take applications too: the page then offers the choice.
    await citizen.page.locator('#campaign').selectOption({ label: campaignName });
    return citizen;
  }

  async function fill(page: Page, applicant: Applicant): Promise<void> {
    await page.getByLabel('Numéro de registre national').fill(applicant.nationalNumber);
    await page.getByLabel('Date de naissance').fill(applicant.birthDate);
    await page.getByLabel('Code postal de votre domicile').fill(applicant.postcode);
    await page.getByLabel('Adresse e-mail').fill(applicant.email);
    await page
      .getByLabel('Prendre une photo de l’attestation')
      .setInputFiles({ name: 'attestation.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByLabel('J’accepte que la commune traite ces données pour ma demande.').check();
  }

  /** Sends the form and answers the receipt's reference and its text without the reference. */
  async function send(page: Page): Promise<{ reference: string; text: string }> {
    await page.getByRole('button', { name: 'Envoyer ma demande', exact: true }).click();
    await poll(() => textOf(page, 'h1:visible')).toBe('Demande envoyée');
    const reference = await textOf(page, '#reference');
    const text = ((await page.locator('#screen-receipt').textContent()) ?? '').replace(reference, 'A-…');
    return { reference, text };
  }

  const student = (): Applicant => ({
    nationalNumber: printed(makeNationalNumber(STUDENT.birthDate, STUDENT.sequence)),
    birthDate: STUDENT.birthDate,
    postcode: '5000',
    email: applicantAddress(),
  });

  let firstReceipt = '';

  it('files with a JPEG photo, shows the receipt; staff find it in the queue, and its approval is mailed', async () => {
    const citizen = await openForm();
    const { page } = citizen;
    expect(await initialScriptGzipBytes(citizen)).toBeLessThanOrEqual(30 * 1024);
    expect(await textOf(page, '#intro')).toMatch(/^Vous avez de 19 à 21 ans et vous suivez des études \?/);
    expect(await textOf(page, '#proof-year')).toBe('Elle doit porter sur l’année scolaire 2026-2027.');
    const applicant = student();
    await fill(page, applicant);
    expect(await textOf(page, '#nn-message')).toBe('Numéro valide : les chiffres de contrôle correspondent.');
    expect(await textOf(page, '#proof-chosen')).toMatch(/^Fichier choisi : attestation\.jpg \(\d+(,\d)? kB\)\.$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'demande-1-filled');

    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') uploads.push(request.url());
    });
    const { reference, text } = await send(page);
    expect(reference).toMatch(REFERENCE);
    expect(text).toContain('Nous vous répondrons par e-mail.');
    firstReceipt = text;
    // The proof went straight to the documents bucket, with its progress shown to the end.
    expect(uploads).toHaveLength(1);
    expect(new URL(uploads[0] ?? '').origin).toBe(new URL(localTarget().endpoints.s3).origin);
    expect(await page.locator('#upload-progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('receipt-title');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'demande-2-receipt');
    expect(citizen.problems).toEqual([]);
    await page.context().close();

    const token = await tokenFor('staff');
    const queue = await api<{
      items: Array<{ applicationId: string; registerCheck: string; proofContentType: string }>;
    }>(`/campaigns/${campaignId}/applications?status=SUBMITTED`, { token });
    const applicationId = `A${reference.slice(2).replaceAll('-', '')}`;
    expect(queue.body.items).toEqual([
      expect.objectContaining({ applicationId, registerCheck: 'MATCH', proofContentType: 'image/jpeg' }),
    ]);
    const proof = await api<{ proofUrl: string }>(`/campaigns/${campaignId}/applications/${applicationId}`, { token });
    expect(Buffer.from(await (await fetch(proof.body.proofUrl)).arrayBuffer())).toEqual(jpeg);

    const approved = await api<{ status: string; issuance: string }>(
      `/campaigns/${campaignId}/applications/${applicationId}/approve`,
      { method: 'POST', token },
    );
    expect(approved.body).toMatchObject({ status: 'APPROVED', issuance: 'ISSUED' });
    const [receipt, decision] = await waitForMails(applicant.email, 2);
    expect(receipt?.subject).toBe(`Demande de chèque commerce reçue (${reference})`);
    expect(decision?.subject).toBe(`Votre demande de chèque commerce est acceptée (${reference})`);
  });

  it('answers the same number filed again, and a number from outside the town, exactly the same way', async () => {
    expect(firstReceipt).not.toBe('');
    const outsider = makeNationalNumber(STUDENT.birthDate, 99);
    const receipts: string[] = [];
    for (const applicant of [student(), { ...student(), nationalNumber: printed(outsider) }]) {
      const citizen = await openForm();
      await fill(citizen.page, applicant);
      const { reference, text } = await send(citizen.page);
      expect(reference).toMatch(REFERENCE);
      receipts.push(text);
      expect(citizen.problems).toEqual([]);
      await citizen.page.context().close();
    }
    expect(receipts).toEqual([firstReceipt, firstReceipt]);
  });

  it('checks the number as it is typed, and the proof before any upload', async () => {
    const citizen = await openForm();
    const { page } = citizen;
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`);
    });
    const field = page.getByLabel('Numéro de registre national');
    const digits = makeNationalNumber(STUDENT.birthDate, STUDENT.sequence);
    await field.pressSequentially(digits.slice(0, 6));
    expect(await textOf(page, '#nn-message')).toBe('6 chiffres sur 11.');
    const wrongCheck = `${digits.slice(0, 9)}${String((Number(digits.slice(9)) + 1) % 100).padStart(2, '0')}`;
    await field.fill(wrongCheck);
    expect(await textOf(page, '#nn-message')).toBe(
      'Les deux derniers chiffres ne correspondent pas aux neuf premiers : il y a une faute de frappe. Vérifiez sur votre carte d’identité.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill(printed(digits));
    await page.getByLabel('Date de naissance').fill('2006-03-16');
    const tooLarge = Buffer.alloc(11 * 1024 * 1024, 0xff);
    await page.getByLabel('Ou choisir un fichier (PDF ou photo)').setInputFiles({
      name: 'scan.jpg',
      mimeType: 'image/jpeg',
      buffer: tooLarge,
    });
    expect(await textOf(page, '#proof-message')).toBe(
      'Ce fichier fait 12 MB, le maximum est 10 MB : reprenez la photo ou envoyez un PDF.',
    );
    await page.getByLabel('Ou choisir un fichier (PDF ou photo)').setInputFiles({
      name: 'attestation.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK'),
    });
    expect(await textOf(page, '#proof-message')).toBe(
      'Ce type de fichier n’est pas accepté : envoyez un PDF ou une photo JPEG ou PNG.',
    );
    await page.getByRole('button', { name: 'Envoyer ma demande', exact: true }).click();
    expect(await textOf(page, '#birth-message')).toBe(
      'Cette date ne correspond pas à votre numéro de registre national : vérifiez l’une et l’autre.',
    );
    expect(await textOf(page, '#proof-message')).toBe(
      'Ce type de fichier n’est pas accepté : envoyez un PDF ou une photo JPEG ou PNG.',
    );
    expect(await textOf(page, '#postcode-message')).toBe('Un code postal belge a 4 chiffres.');
    expect(await textOf(page, '#consent-message')).toMatch(/^Cochez la case/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('birth-date');
    expect(sent).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'demande-3-errors');
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  it('files in Dutch: the receipt page and the receipt mail are in Dutch', async () => {
    const citizen = await openForm('nl');
    const { page } = citizen;
    const applicant = student();
    await page.locator('#national-number').fill(applicant.nationalNumber);
    expect(await textOf(page, '#nn-message')).toBe('Geldig nummer: de controlecijfers kloppen.');
    await page.locator('#birth-date').fill(applicant.birthDate);
    await page.locator('#postcode').fill(applicant.postcode);
    await page.locator('#email').fill(applicant.email);
    await page.locator('#proof-file').setInputFiles({ name: 'attest.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Mijn aanvraag versturen', exact: true }).click();
    await poll(() => textOf(page, 'h1:visible')).toBe('Aanvraag verstuurd');
    const reference = await textOf(page, '#reference');
    expect(reference).toMatch(REFERENCE);
    expect(await textOf(page, '#screen-receipt .lead')).toMatch(/^We antwoorden u per e-mail\./);
    const [receipt] = await waitForMails(applicant.email, 1);
    expect(receipt?.subject).toMatch(/^Aanvraag voor een waardebon ontvangen/);
    expect(receipt?.subject).toContain(reference);
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });

  const titles: Record<Language, string> = {
    fr: 'Demander mon chèque commerce',
    nl: 'Mijn waardebon aanvragen',
    de: 'Meinen Einkaufsgutschein beantragen',
  };

  it.each(['fr', 'nl', 'de'] as const)('speaks the phone’s language (%s), axe-clean', async (language) => {
    const citizen = await citizenPage(browser, language);
    const { page } = citizen;
    await page.goto(demandeUrl());
    await page.locator('#application').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await textOf(page, 'h1')).toBe(titles[language]);
    expect(await textOf(page, '#intro')).not.toBe('');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, `demande-${language}`);
    expect(citizen.problems).toEqual([]);
    await page.context().close();
  });
});
