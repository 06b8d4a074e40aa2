/**
 * Applications for the on-application band through the API: filing and submitting in public (rate-limited,
 * proof checked by its bytes), the staff's queue, view (short-lived proof link, audited), approval that
 * issues the voucher, rejection with a reason.
 */
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { api, localTable, tokenFor } from '../support/local-target.ts';
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

interface Filed {
  applicationId: string;
  status: string;
  schoolYear: string | null;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  code?: string;
}

async function campaignWithStudents(students = [STUDENT]) {
  const { campaignId } = await createCampaign();
  await importRegister(campaignId, registerFile([...students, CHILD, ADULT].map((person) => registerLine(person))));
  return campaignId;
}

function file(
  campaignId: string,
  person: { birthDate: string; sequence: number },
  address: string,
  proof = PDF,
  type = 'application/pdf',
) {
  return publicPost<Filed>(
    `/campaigns/${campaignId}/applications`,
    {
      nationalNumber: makeNationalNumber(person.birthDate, person.sequence).replace(/^(\d\d)(\d\d)(\d\d)/, '$1.$2.$3-'),
      birthDate: person.birthDate,
      proof: { contentType: type, bytes: proof.length },
    },
    address,
  );
}

const upload = (filed: Filed, bytes: Buffer) =>
  fetch(filed.uploadUrl, { method: 'PUT', headers: filed.uploadHeaders, body: new Uint8Array(bytes) });

const submit = (campaignId: string, applicationId: string, address: string) =>
  publicPost<{ status: string; code?: string }>(
    `/campaigns/${campaignId}/applications/${applicationId}/submit`,
    undefined,
    address,
  );

describe('applications', () => {
  it('files, uploads, submits; staff list, view the proof, approve: the voucher is issued once', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const filed = await file(campaignId, STUDENT, address);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'AWAITING_PROOF', schoolYear: '2026-2027' });
    expect((await upload(filed.body, PDF)).ok).toBe(true);
    expect((await submit(campaignId, filed.body.applicationId, address)).body).toEqual({
      applicationId: filed.body.applicationId,
      status: 'SUBMITTED',
    });
    // Submitting again changes nothing.
    expect((await submit(campaignId, filed.body.applicationId, address)).body.status).toBe('SUBMITTED');

    const token = await tokenFor('staff');
    const queue = await api<{ items: Array<Record<string, unknown>> }>(`/campaigns/${campaignId}/applications`, {
      token,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        applicationId: filed.body.applicationId,
        status: 'SUBMITTED',
        applicant: expect.objectContaining({ lastName: 'Étudiante', firstName: 'Chloé', birthDate: STUDENT.birthDate }),
      }),
    ]);
    expect(JSON.stringify(queue.body)).not.toMatch(/personRef|householdRef|proofKey/);

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

    // An issuance run afterwards finds the student already served, and serves the automatic child.
    const run = await finishedRun(campaignId, (await startIssuance(campaignId, crypto.randomUUID())).body.runId);
    expect(run).toMatchObject({ issued: 1, alreadyIssued: 1 });

    const audit = createAuditStore(localTable());
    const actions = (await audit.forEntity('application', filed.body.applicationId)).map((event) => event.action);
    expect(actions).toEqual(['FILE_APPLICATION', 'SUBMIT_APPLICATION', 'VIEW_APPLICATION', 'APPROVE_APPLICATION']);
    expect((await audit.forEntity('campaign', campaignId)).map((event) => event.action)).toContain('LIST_APPLICATIONS');
    expect((await audit.forEntity('voucher', approved.body.voucherId)).map((event) => event.action)).toEqual(['ISSUE']);
  });

  it('gives one answer to an unknown number and a wrong birth date; tells an automatic person; refuses bad numbers', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const wrongDate = await publicPost<{ code: string; detail: string }>(
      `/campaigns/${campaignId}/applications`,
      {
        nationalNumber: makeNationalNumber(STUDENT.birthDate, STUDENT.sequence),
        birthDate: '2006-03-16',
        proof: { contentType: 'application/pdf', bytes: 100 },
      },
      address,
    );
    const unknown = await file(campaignId, { birthDate: '2006-03-15', sequence: 99 }, address);
    expect(wrongDate.status).toBe(422);
    expect(wrongDate.body.code).toBe('NOT_ELIGIBLE');
    expect((unknown.body as unknown as { detail: string }).detail).toBe(wrongDate.body.detail);
    const adult = await file(campaignId, ADULT, address);
    expect((adult.body as unknown as { detail: string }).detail).toBe(wrongDate.body.detail);

    const child = await file(campaignId, CHILD, address);
    expect(child.status).toBe(422);
    expect(child.body).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'AUTOMATIC' });

    const badDigits = await publicPost<{ code: string; errors: Array<{ path: string }> }>(
      `/campaigns/${campaignId}/applications`,
      {
        nationalNumber: '06031504199',
        birthDate: STUDENT.birthDate,
        proof: { contentType: 'application/pdf', bytes: 100 },
      },
      address,
    );
    expect(badDigits.status).toBe(400);
    expect(badDigits.body.errors[0]?.path).toBe('nationalNumber');

    const tooBig = await publicPost<{ code: string }>(
      `/campaigns/${campaignId}/applications`,
      {
        nationalNumber: makeNationalNumber(STUDENT.birthDate, STUDENT.sequence),
        birthDate: STUDENT.birthDate,
        proof: { contentType: 'application/msword', bytes: 100 },
      },
      address,
    );
    expect(tooBig.status).toBe(400);
  });

  it('checks the proof by its bytes: a PNG announced as PDF is refused and deleted, the real PDF is then accepted', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const missing = await file(campaignId, STUDENT, address);
    expect((await submit(campaignId, missing.body.applicationId, address)).body.code).toBe('PROOF_MISSING');

    const filed = await file(campaignId, STUDENT, address, PNG, 'application/pdf');
    expect((await upload(filed.body, PNG)).ok).toBe(true);
    const refused = await submit(campaignId, filed.body.applicationId, address);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PROOF_INVALID');
    // Same size, right type: the URL is signed for the announced type and length.
    const pdfOfSameLength = Buffer.concat([Buffer.from('%PDF-1.'), Buffer.alloc(PNG.length - 7, 0x20)]);
    expect((await upload(filed.body, pdfOfSameLength)).ok).toBe(true);
    expect((await submit(campaignId, filed.body.applicationId, address)).body.status).toBe('SUBMITTED');
    // One application under review per person.
    const second = await file(campaignId, STUDENT, address);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('APPLICATION_EXISTS');
  });

  it('rejects with a reason; the person may then apply again; a rejected application cannot be approved', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const token = await tokenFor('staff');
    const filed = await file(campaignId, STUDENT, address);
    await upload(filed.body, PDF);
    await submit(campaignId, filed.body.applicationId, address);
    const path = `/campaigns/${campaignId}/applications/${filed.body.applicationId}`;
    expect((await api(`${path}/reject`, { method: 'POST', token, body: { reason: '' } })).status).toBe(400);
    const rejected = await api(`${path}/reject`, {
      method: 'POST',
      token,
      body: { reason: 'Attestation de 2024-2025 : il faut celle de 2026-2027.' },
    });
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Attestation de 2024-2025 : il faut celle de 2026-2027.',
    });
    const approve = await api<{ code: string }>(`${path}/approve`, { method: 'POST', token });
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('APPLICATION_DECIDED');
    const listed = await api<{ items: unknown[] }>(`/campaigns/${campaignId}/applications?status=REJECTED`, { token });
    expect(listed.body.items).toHaveLength(1);

    const again = await file(campaignId, STUDENT, address);
    expect(again.status).toBe(201);
  });

  it('limits filing per client address (429 with Retry-After), not for other addresses', async () => {
    const campaignId = await campaignWithStudents();
    const address = clientAddress();
    const answers = [];
    // 20 per 10-minute window; 41 attempts hit the limit even if a window ends during the test.
    for (let attempt = 0; attempt < 41; attempt++) answers.push(await file(campaignId, ADULT, address));
    const first = answers.findIndex((answer) => answer.status === 429);
    expect(first).toBeGreaterThanOrEqual(20);
    expect(answers.slice(0, first).every((answer) => answer.status === 422)).toBe(true);
    const limited = answers[first];
    expect(limited?.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect((await file(campaignId, STUDENT, clientAddress())).status).toBe(201);
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
