/**
 * Applications for the on-application band through the API: filing and submitting in public (rate-limited,
 * proof checked by its bytes, one neutral answer whatever the register holds), the receipt and decision
 * mails (read from the local SES), the staff's queue with what the register check found, view (short-lived
 * proof link, audited), approval that issues the voucher, rejection with a reason.
 */
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { api, localTable, tokenFor } from '../support/local-target.ts';
import { applicantAddress, mailsTo, waitForMails } from '../support/mailbox.ts';
import {
  clientAddress,
  createCampaign,
  finishedRun,
  importRegister,
  publicPost,
  registerFile,
  registerLine,
  startIssuance,
} from '../support/register-api.ts';

const STUDENT = { birthDate: '2006-03-15', sequence: 41, lastName: 'Étudiante', firstName: 'Chloé' }; // 20
const CHILD = { birthDate: '2012-06-01', sequence: 42, lastName: 'Enfant' }; // 14: automatic
const ADULT = { birthDate: '1990-06-01', sequence: 43, lastName: 'Adulte' };
/** registerLine() puts everyone at 5000 Namur. */
const POSTCODE = '5000';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

interface Filed {
  applicationId: string;
  status: string;
  schoolYear: string | null;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  uploadExpiresAt: string;
  maxBytes: number;
  code?: string;
}

interface Queued {
  applicationId: string;
  status: string;
  registerCheck: string;
  applicant: { lastName: string } | null;
}

async function campaignWithStudents(students = [STUDENT]) {
  const { campaignId } = await createCampaign();
  await importRegister(campaignId, registerFile([...students, CHILD, ADULT].map((person) => registerLine(person))));
  return campaignId;
}

interface Filing {
  person: { birthDate: string; sequence: number };
  address: string;
  email?: string;
  postcode?: string;
  proof?: Buffer;
  type?: string;
  language?: string;
}

function fileBody(filing: Filing) {
  const { person } = filing;
  return {
    nationalNumber: makeNationalNumber(person.birthDate, person.sequence).replace(/^(\d\d)(\d\d)(\d\d)/, '$1.$2.$3-'),
    birthDate: person.birthDate,
    postcode: filing.postcode ?? POSTCODE,
    email: filing.email ?? applicantAddress(),
    ...(filing.language ? { language: filing.language } : {}),
    consent: true,
    proof: { contentType: filing.type ?? 'application/pdf', bytes: (filing.proof ?? PDF).length },
  };
}

const file = (campaignId: string, filing: Filing) =>
  publicPost<Filed>(`/campaigns/${campaignId}/applications`, fileBody(filing), filing.address);

const upload = (filed: Filed, bytes: Buffer) =>
  fetch(filed.uploadUrl, { method: 'PUT', headers: filed.uploadHeaders, body: new Uint8Array(bytes) });

const submit = (campaignId: string, applicationId: string, address: string) =>
  publicPost<{ status: string; code?: string }>(
    `/campaigns/${campaignId}/applications/${applicationId}/submit`,
    undefined,
    address,
  );

/** Files, uploads the PDF and submits, as the /demande/ page does; answers what the applicant saw. */
async function apply(campaignId: string, filing: Filing) {
  const filed = await file(campaignId, filing);
  expect(filed.status).toBe(201);
  expect((await upload(filed.body, filing.proof ?? PDF)).ok).toBe(true);
  const submitted = await submit(campaignId, filed.body.applicationId, filing.address);
  return { filed, submitted };
}

async function queue(campaignId: string, status = 'SUBMITTED'): Promise<Queued[]> {
  const answer = await api<{ items: Queued[] }>(`/campaigns/${campaignId}/applications?status=${status}`, {
    token: await tokenFor('staff'),
  });
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** What two answers have in common once each one's own ids, links and times are set aside. */
function shape(body: Filed) {
  const { applicationId, uploadUrl, uploadExpiresAt, ...rest } = body;
  return { ...rest, applicationId: applicationId.replace(/[0-9A-Z]/g, 'x'), uploadUrl: new URL(uploadUrl).origin };
}

describe('applications', () => {
  it('files, uploads, submits (receipt mail); staff list, view the proof, approve: the voucher is issued once, the applicant told once', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const email = applicantAddress();
    const filed = await file(campaignId, { person: STUDENT, address, email });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'AWAITING_PROOF', schoolYear: '2026-2027' });
    expect((await upload(filed.body, PDF)).ok).toBe(true);
    expect((await submit(campaignId, filed.body.applicationId, address)).body).toEqual({
      applicationId: filed.body.applicationId,
      status: 'SUBMITTED',
    });
    // Submitting again changes nothing, and sends no second receipt.
    expect((await submit(campaignId, filed.body.applicationId, address)).body.status).toBe('SUBMITTED');
    const [receipt] = await waitForMails(email, 1);
    const reference = `A-${filed.body.applicationId.slice(1).match(/.{4}/g)?.join('-')}`;
    expect(receipt?.subject).toBe(`Demande de chèque commerce reçue (${reference})`);
    expect(receipt?.body.text).toContain('Nous vous répondrons par e-mail');

    const token = await tokenFor('staff');
    expect(await queue(campaignId)).toEqual([
      expect.objectContaining({
        applicationId: filed.body.applicationId,
        status: 'SUBMITTED',
        registerCheck: 'MATCH',
        applicant: expect.objectContaining({ lastName: 'Étudiante', firstName: 'Chloé', birthDate: STUDENT.birthDate }),
      }),
    ]);
    const raw = await api(`/campaigns/${campaignId}/applications`, { token });
    expect(JSON.stringify(raw.body)).not.toMatch(/personRef|householdRef|proofKey|contactEmail|example\.org/);

    const view = await api<{ proofUrl: string; proofContentType: string }>(
      `/campaigns/${campaignId}/applications/${filed.body.applicationId}`,
      { token },
    );
    expect(view.status).toBe(200);
    const proof = await fetch(view.body.proofUrl);
    expect(Buffer.from(await proof.arrayBuffer())).toEqual(PDF);
    expect(new URL(view.body.proofUrl).searchParams.get('X-Amz-Expires')).toBe('300');

    const approve = () =>
      api<{ status: string; issuance: string; voucherId: string }>(
        `/campaigns/${campaignId}/applications/${filed.body.applicationId}/approve`,
        { method: 'POST', token },
      );
    const approved = await approve();
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      issuance: 'ISSUED',
      voucherId: expect.stringMatching(/^v/),
    });
    expect((await approve()).body).toEqual(approved.body);
    const [, decision] = await waitForMails(email, 2);
    expect(decision?.subject).toBe(`Votre demande de chèque commerce est acceptée (${reference})`);
    expect(decision?.body.text).toContain('est en route vers votre adresse');
    expect(await mailsTo(email)).toHaveLength(2);

    // An issuance run afterwards finds the student already served, and serves the automatic child.
    const run = await finishedRun(campaignId, (await startIssuance(campaignId, crypto.randomUUID())).body.runId);
    expect(run).toMatchObject({ issued: 1, alreadyIssued: 1 });

    const audit = createAuditStore(localTable());
    const actions = (await audit.forEntity('application', filed.body.applicationId)).map((event) => event.action);
    expect(actions).toEqual(['FILE_APPLICATION', 'SUBMIT_APPLICATION', 'VIEW_APPLICATION', 'APPROVE_APPLICATION']);
    expect((await audit.forEntity('campaign', campaignId)).map((event) => event.action)).toContain('LIST_APPLICATIONS');
    expect((await audit.forEntity('voucher', approved.body.voucherId)).map((event) => event.action)).toEqual(['ISSUE']);
  });

  it('answers every filing the same way, whatever the register holds; staff see what the check found and may only reject', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const filings = {
      MATCH: { person: STUDENT },
      NOT_FOUND: { person: { birthDate: '2006-03-15', sequence: 99 } },
      DETAILS_DIFFER: { person: STUDENT, postcode: '7300' },
      AUTOMATIC: { person: CHILD },
      // Adults are not kept at all: no one of the campaign has this number.
      NOT_FOUND_ADULT: { person: ADULT },
      ALREADY_APPLIED: { person: STUDENT },
    } as const;
    const seen: Record<string, { filed: Filed; submitted: { status: string }; email: string }> = {};
    for (const [name, filing] of Object.entries(filings)) {
      const email = applicantAddress();
      const { filed, submitted } = await apply(campaignId, { ...filing, address, email });
      seen[name] = { filed: filed.body, submitted: submitted.body, email };
    }
    const reference = shape(seen.MATCH?.filed as Filed);
    for (const [name, answer] of Object.entries(seen)) {
      expect(shape(answer.filed), name).toEqual(reference);
      expect(answer.submitted, name).toEqual({ applicationId: answer.filed.applicationId, status: 'SUBMITTED' });
    }
    // The same receipt for all, but for the reference.
    const receipts = await Promise.all(Object.values(seen).map(async ({ email }) => (await waitForMails(email, 1))[0]));
    const withoutReference = (text = '') => text.replace(/A(-[0-9A-Z]{4}){4}/g, 'A-…');
    expect(new Set(receipts.map((mail) => withoutReference(mail?.body.text))).size).toBe(1);
    expect(new Set(receipts.map((mail) => withoutReference(mail?.subject))).size).toBe(1);

    const queued = await queue(campaignId);
    const checkOf = (name: string) => queued.find((item) => item.applicationId === seen[name]?.filed.applicationId);
    expect(checkOf('MATCH')).toMatchObject({ registerCheck: 'MATCH', applicant: { lastName: 'Étudiante' } });
    for (const [name, check] of [
      ['NOT_FOUND', 'NOT_FOUND'],
      ['NOT_FOUND_ADULT', 'NOT_FOUND'],
      ['DETAILS_DIFFER', 'DETAILS_DIFFER'],
      ['AUTOMATIC', 'AUTOMATIC'],
      ['ALREADY_APPLIED', 'ALREADY_APPLIED'],
    ] as const) {
      // Nothing of the person a filing named, unless it was theirs.
      expect(checkOf(name), name).toMatchObject({ registerCheck: check, applicant: null });
    }

    const token = await tokenFor('staff');
    const unmatched = seen.DETAILS_DIFFER?.filed.applicationId;
    const refused = await api<{ code: string }>(`/campaigns/${campaignId}/applications/${unmatched}/approve`, {
      method: 'POST',
      token,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    const view = await api<{ applicant: unknown; registerCheck: string }>(
      `/campaigns/${campaignId}/applications/${unmatched}`,
      { token },
    );
    expect(view.body).toMatchObject({ applicant: null, registerCheck: 'DETAILS_DIFFER' });

    const reason = 'Les données ne correspondent pas au registre de la population.';
    const rejected = await api(`/campaigns/${campaignId}/applications/${unmatched}/reject`, {
      method: 'POST',
      token,
      body: { reason },
    });
    expect(rejected.status).toBe(200);
    const [, decision] = await waitForMails(seen.DETAILS_DIFFER?.email ?? '', 2);
    expect(decision?.body.text).toContain(reason);
    // Rejecting someone who filed in the student's name released nothing of the student's own application.
    const approved = await api<{ status: string }>(
      `/campaigns/${campaignId}/applications/${seen.MATCH?.filed.applicationId}/approve`,
      { method: 'POST', token },
    );
    expect(approved.body.status).toBe('APPROVED');
  });

  it('refuses what is wrong whoever you are: bad check digits, a birth date the number does not encode, no postcode, e-mail or consent', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const valid = fileBody({ person: STUDENT, address });
    const post = (body: unknown) =>
      publicPost<{ code: string; errors: Array<{ path: string }> }>(
        `/campaigns/${campaignId}/applications`,
        body,
        address,
      );
    const badDigits = await post({ ...valid, nationalNumber: '06031504199' });
    expect(badDigits.status).toBe(400);
    expect(badDigits.body.errors[0]?.path).toBe('nationalNumber');
    const otherDate = await post({ ...valid, birthDate: '2006-03-16' });
    expect(otherDate.status).toBe(400);
    expect(otherDate.body.errors[0]?.path).toBe('birthDate');
    for (const field of ['postcode', 'email', 'consent'] as const) {
      const { [field]: _dropped, ...without } = valid;
      const answer = await post(without);
      expect(answer.status, field).toBe(400);
      expect(answer.body.errors[0]?.path, field).toBe(field);
    }
    expect((await post({ ...valid, consent: false })).status).toBe(400);
    expect((await post({ ...valid, postcode: '50000' })).status).toBe(400);
    expect((await post({ ...valid, email: 'not an address' })).status).toBe(400);
    expect((await post({ ...valid, proof: { contentType: 'application/msword', bytes: 100 } })).status).toBe(400);
  });

  it('checks the proof by its bytes: a PNG announced as PDF is refused and deleted, the real PDF is then accepted', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const missing = await file(campaignId, { person: STUDENT, address });
    expect((await submit(campaignId, missing.body.applicationId, address)).body.code).toBe('PROOF_MISSING');

    const filed = await file(campaignId, { person: STUDENT, address, proof: PNG, type: 'application/pdf' });
    expect((await upload(filed.body, PNG)).ok).toBe(true);
    const refused = await submit(campaignId, filed.body.applicationId, address);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PROOF_INVALID');
    // Same size, right type: the URL is signed for the announced type and length.
    const pdfOfSameLength = Buffer.concat([Buffer.from('%PDF-1.'), Buffer.alloc(PNG.length - 7, 0x20)]);
    expect((await upload(filed.body, pdfOfSameLength)).ok).toBe(true);
    expect((await submit(campaignId, filed.body.applicationId, address)).body.status).toBe('SUBMITTED');
    // The first application, filed before but never submitted, now names someone already under review.
    expect((await upload(missing.body, PDF)).ok).toBe(true);
    expect((await submit(campaignId, missing.body.applicationId, address)).body.status).toBe('SUBMITTED');
    const queued = await queue(campaignId);
    expect(queued.find((item) => item.applicationId === filed.body.applicationId)?.registerCheck).toBe('MATCH');
    expect(queued.find((item) => item.applicationId === missing.body.applicationId)?.registerCheck).toBe(
      'ALREADY_APPLIED',
    );
  });

  it('rejects with a reason, mailed in the applicant’s language; the person may then apply again', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const email = applicantAddress();
    const token = await tokenFor('staff');
    const { filed } = await apply(campaignId, { person: STUDENT, address, email, language: 'nl' });
    const path = `/campaigns/${campaignId}/applications/${filed.body.applicationId}`;
    expect((await api(`${path}/reject`, { method: 'POST', token, body: { reason: '' } })).status).toBe(400);
    const reason = 'Attest van 2024-2025: het attest van 2026-2027 is nodig.';
    const reject = () => api(`${path}/reject`, { method: 'POST', token, body: { reason } });
    const rejected = await reject();
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: reason });
    expect((await reject()).status).toBe(200);
    const mails = await waitForMails(email, 2);
    expect(mails[0]?.subject).toMatch(/^Aanvraag voor een waardebon ontvangen/);
    expect(mails[1]?.subject).toMatch(/^Uw aanvraag voor een waardebon is niet goedgekeurd/);
    expect(mails[1]?.body.text).toContain(`Reden: ${reason}`);
    expect(await mailsTo(email)).toHaveLength(2);

    const approve = await api<{ code: string }>(`${path}/approve`, { method: 'POST', token });
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('APPLICATION_DECIDED');
    expect(await queue(campaignId, 'REJECTED')).toHaveLength(1);

    const again = await apply(campaignId, { person: STUDENT, address });
    expect(again.submitted.body.status).toBe('SUBMITTED');
    expect((await queue(campaignId)).map((item) => item.registerCheck)).toEqual(['MATCH']);
  });

  it('limits filing per client address (429 with Retry-After), not for other addresses', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const answers = [];
    // 20 per 10-minute window; 41 attempts hit the limit even if a window ends during the test.
    for (let attempt = 0; attempt < 41; attempt++) answers.push(await file(campaignId, { person: ADULT, address }));
    const first = answers.findIndex((answer) => answer.status === 429);
    expect(first).toBeGreaterThanOrEqual(20);
    expect(answers.slice(0, first).every((answer) => answer.status === 201)).toBe(true);
    const limited = answers[first];
    expect(limited?.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect((await file(campaignId, { person: STUDENT, address: clientAddress() })).status).toBe(201);
  });

  it('keeps review for staff and admins', async () => {
    const campaignId = await campaignWithStudents();
    expect((await api(`/campaigns/${campaignId}/applications`)).status).toBe(401);
    expect((await api(`/campaigns/${campaignId}/applications`, { token: await tokenFor('merchant') })).status).toBe(
      403,
    );
    expect((await api(`/campaigns/${campaignId}/applications`, { token: await tokenFor('admin') })).status).toBe(200);
  });
});
