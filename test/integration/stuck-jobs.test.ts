/**
 * A job worker that dies mid-run (issue 13, item 6): the local Lambda endpoint kills the worker's sandbox in
 * the middle of its work, after some of a page's (a batch's) writes and before its checkpoint. The run stays
 * RUNNING / PROCESSING until its heartbeat lease runs out; the failed invocation is where AWS's on-failure
 * queue would get it; staff resume it through the API, and a new worker finishes it from the checkpoint with
 * exact counts: every person counted once, no voucher issued twice, every voucher's code in the manifest.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personKey } from '../../functions/runtime/person-key.ts';
import { waitUntil } from '../../infra/local/ports.ts';
import { createS3Client } from '../../shared/aws/clients.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { campaignKeys, importKeys, personKeys } from '../../shared/data/keys.ts';
import { createPersonStore, personItem } from '../../shared/data/person-store.ts';
import { getItem, getRecord } from '../../shared/data/table.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import type { RegisterImport } from '../../shared/imports/register-import.ts';
import { letterManifestPrefix, parseJsonLines } from '../../shared/letters/letter-manifest.ts';
import type { Person } from '../../shared/people/person.ts';
import { personRefFor } from '../../shared/people/person-ref.ts';
import type { NationalNumber } from '../../shared/register/national-number.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { type PrivateTarget, startPrivateTarget } from '../support/private-target.ts';
import { campaignInput, registerFile, registerLine } from '../support/register-api.ts';

const PEOPLE = 1500;
const FACE = 10_000;
const BUDGET_VOUCHERS = 1400;
const LEASE_SECONDS = 3;

interface RunView {
  status: string;
  issued: number;
  alreadyIssued: number;
  notIssuedBudget: number;
  issuedValueCents: number;
  stuck: boolean;
  leaseExpiresAt: string | null;
}

let env: PrivateTarget;
let staff: string;

beforeAll(async () => {
  // A target of its own: its job invocations run in sandboxes a test can kill, and a lost worker's lease
  // runs out in seconds.
  env = await startPrivateTarget({
    jobSandboxes: true,
    jobLeaseSeconds: LEASE_SECONDS,
    throttle: false,
    streams: false,
  });
  staff = await env.token(['staff']);
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

async function campaignWithPeople(): Promise<Campaign> {
  const today = brusselsDateOf(new Date());
  const campaign: Campaign = {
    campaignId: `cmp-${randomUUID().slice(0, 8)}`,
    name: 'Stuck issuance',
    faceValueCents: FACE,
    budgetCents: BUDGET_VOUCHERS * FACE,
    startDate: addDays(today, -30),
    endDate: addDays(today, 60),
    referenceDate: addDays(today, -30),
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
  };
  await createCampaignStore(env.table).create(campaign);
  const people = Array.from(
    { length: PEOPLE },
    (_unused, index): Person => ({
      campaignId: campaign.campaignId,
      personRef: randomUUID().replaceAll('-', ''),
      householdRef: `h${index}`,
      birthDate: '2012-05-14',
      lastName: 'Lejeune',
      firstName: `Enfant ${index}`,
      address: { street: 'Rue du Moulin', houseNumber: String(index), box: null, postcode: '7300', locality: 'Boussu' },
      eligibility: 'AUTOMATIC',
      fingerprint: 'f',
      version: 1,
      firstImportId: 'I',
      lastImportId: 'I',
      updatedAt: new Date().toISOString(),
    }),
  );
  for (let start = 0; start < people.length; start += 25) {
    await env.table.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [env.table.tableName]: people
            .slice(start, start + 25)
            .map((person) => ({ PutRequest: { Item: personItem(person) } })),
        },
      }),
    );
  }
  return campaign;
}

/** What the campaign's budget counter says was issued: every voucher's issuing transaction adds one. */
async function vouchersIssued(campaignId: string): Promise<number> {
  const item = await getItem(env.table, campaignKeys.item(campaignId));
  return Number(item?.issuedCount ?? 0);
}

describe('an issuance run whose worker dies mid-page', () => {
  it('stays RUNNING until its lease runs out, is resumed by staff, and finishes with exact counts', async () => {
    const campaign = await campaignWithPeople();
    const base = `/campaigns/${campaign.campaignId}/issuance`;
    const started = await env.api<{ runId: string }>(base, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(started.status).toBe(202);
    const { runId } = started.body;
    const read = async () => (await env.api<RunView>(`${base}/${runId}`, { token: staff })).body;

    // Kill the worker once a page is checkpointed and the next one is half issued: vouchers exist that the
    // run's counts do not hold yet.
    const deadline = Date.now() + 60_000;
    let checkpointed: RunView | undefined;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the worker never got mid-page');
      const run = await read();
      expect(run.status, 'the run ended before the worker could be killed').not.toBe('DONE');
      if (run.status === 'RUNNING' && run.issued >= 100) {
        const issued = await vouchersIssued(campaign.campaignId);
        if (issued >= run.issued + 10) {
          expect(env.target.crashJob('issueVouchers')).toBe(1);
          checkpointed = await read();
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    // A write the worker sent before it died may still land (DynamoDB received it; so it goes in AWS too):
    // count once those have settled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const issuedAtCrash = await vouchersIssued(campaign.campaignId);
    expect(checkpointed.status).toBe('RUNNING');
    expect(issuedAtCrash).toBeGreaterThan(checkpointed.issued);

    // Nothing moves any more: the dead worker neither finished nor failed the run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await vouchersIssued(campaign.campaignId)).toBe(issuedAtCrash);
    expect(await read()).toMatchObject({ status: 'RUNNING', issued: checkpointed.issued, stuck: false });
    // The failed invocation is where AWS's on-failure queue would have it.
    expect(env.target.failedJobInvocations()).toEqual([
      expect.objectContaining({
        requestPayload: { runId },
        requestContext: expect.objectContaining({ condition: 'RetriesExhausted' }),
        responsePayload: expect.objectContaining({ errorType: 'Sandbox.Crashed' }),
      }),
    ]);

    // While the lease holds, the worker may only be slow: staff cannot start a second one.
    const early = await env.api<Record<string, unknown>>(`${base}/${runId}/resume`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ code: 'RUN_NOT_STUCK', status: 409 });

    await waitUntil('the lost worker’s lease to run out', async () => (await read()).stuck, 20_000);
    const stuck = await read();
    expect(stuck).toMatchObject({ status: 'RUNNING', issued: checkpointed.issued, stuck: true });
    expect(Date.parse(stuck.leaseExpiresAt ?? '')).toBeLessThan(Date.now());
    // Staff who come back without the run's id (a reload, the next morning) find it through the campaign.
    const campaignView = await env.api<{ latestIssuanceRun: unknown }>(`/campaigns/${campaign.campaignId}`, {
      token: staff,
    });
    expect(campaignView.body.latestIssuanceRun).toEqual({
      runId,
      status: 'RUNNING',
      createdAt: expect.any(String),
      stuck: true,
    });

    const key = randomUUID();
    const resume = () =>
      env.api<{ runId: string; status: string }>(`${base}/${runId}/resume`, {
        method: 'POST',
        token: staff,
        headers: { 'idempotency-key': key },
      });
    const resumed = await resume();
    expect(resumed.status).toBe(202);
    expect(resumed.body).toEqual({ runId, status: 'PENDING' });
    // The same click retried: the same answer, and still one worker.
    const again = await resume();
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ runId, status: expect.stringMatching(/^(PENDING|RUNNING|DONE)$/) });
    const other = await env.api<Record<string, unknown>>(`${base}/${runId}/resume`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: expect.stringMatching(/^RUN_(NOT_STUCK|FINISHED)$/) });

    await waitUntil('the resumed run to finish', async () => (await read()).status === 'DONE', 60_000);
    await env.target.jobsIdle();
    const done = await read();
    // Exact: the vouchers the dead worker issued after its last checkpoint are the run's, counted once.
    expect(done).toMatchObject({
      status: 'DONE',
      issued: BUDGET_VOUCHERS,
      alreadyIssued: 0,
      notIssuedBudget: PEOPLE - BUDGET_VOUCHERS,
      issuedValueCents: BUDGET_VOUCHERS * FACE,
      stuck: false,
      leaseExpiresAt: null,
    });
    expect(await vouchersIssued(campaign.campaignId)).toBe(BUDGET_VOUCHERS);
    expect(env.target.failedJobInvocations()).toHaveLength(1);

    // Every voucher's sealed code is in the letter manifest, once; lines of the dead page's people whose
    // vouchers it never issued point at no voucher (the letter pipeline skips them).
    const documents = createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints: env.target.endpoints }),
      bucket: env.target.buckets.documents ?? '',
    });
    const lines = [];
    for (const manifestKey of await documents.list(letterManifestPrefix(campaign.campaignId, runId))) {
      lines.push(...parseJsonLines((await documents.getText(manifestKey)) ?? ''));
    }
    const vouchers = createVoucherStore(env.table);
    const existing = [];
    for (let start = 0; start < lines.length; start += 50) {
      const chunk = lines.slice(start, start + 50);
      const found = await Promise.all(chunk.map((line) => vouchers.get(line.voucherId)));
      existing.push(...chunk.filter((_line, index) => found[index] !== undefined));
    }
    expect(existing).toHaveLength(BUDGET_VOUCHERS);
    expect(new Set(existing.map((line) => line.beneficiaryRef)).size).toBe(BUDGET_VOUCHERS);

    const finished = await env.api<Record<string, unknown>>(`${base}/${runId}/resume`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(finished.status).toBe(409);
    expect(finished.body).toMatchObject({ code: 'RUN_FINISHED' });
  }, 180_000);
});

describe('a register import whose worker dies mid-batch', () => {
  /** Child `index` of the town (born in 2012: automatic), its street as given. */
  const child = (index: number, street = 'Rue de la Station') =>
    registerLine({
      birthDate: `2012-01-${String(1 + Math.floor(index / 900)).padStart(2, '0')}` as `${number}-${number}-${number}`,
      sequence: (index % 900) + 1,
      street,
    });
  const adult = (index: number) => registerLine({ birthDate: '1980-03-03', sequence: index + 1 });

  async function importFile(campaignId: string, bytes: Uint8Array): Promise<string> {
    const base = `/campaigns/${campaignId}/imports`;
    const created = await env.api<{ importId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(
      base,
      { method: 'POST', token: staff, body: { bytes: bytes.length } },
    );
    expect(created.status).toBe(201);
    const upload = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.uploadHeaders,
      body: Buffer.from(bytes),
    });
    expect(upload.ok).toBe(true);
    const processing = await env.api(`${base}/${created.body.importId}/process`, { method: 'POST', token: staff });
    expect(processing.status).toBe(202);
    return created.body.importId;
  }

  it('stays PROCESSING until its lease runs out, is resumed by staff, and counts as one uninterrupted run', async () => {
    const created = await env.api<{ campaignId: string }>('/campaigns', {
      method: 'POST',
      token: staff,
      body: campaignInput({ name: `Import interrompu ${randomUUID().slice(0, 8)}` }),
    });
    expect(created.status).toBe(201);
    const { campaignId } = created.body;
    const base = `/campaigns/${campaignId}/imports`;
    const read = async (importId: string) =>
      (
        await env.api<Record<string, unknown> & { status: string; stuck: boolean }>(`${base}/${importId}`, {
          token: staff,
        })
      ).body;

    // The first export: 1200 children, imported whole.
    const first = await importFile(campaignId, registerFile(Array.from({ length: 1200 }, (_u, i) => child(i))));
    await waitUntil('the first import', async () => (await read(first)).status === 'DONE', 60_000);

    // The second: 1000 new children first, then 400 unchanged, 700 moved, 50 adults, a bad line and a
    // duplicate; 100 children are gone.
    const lines = [
      ...Array.from({ length: 1000 }, (_u, i) => child(1200 + i)),
      ...Array.from({ length: 400 }, (_u, i) => child(i)),
      ...Array.from({ length: 700 }, (_u, i) => child(400 + i, 'Rue Neuve')),
      ...Array.from({ length: 50 }, (_u, i) => adult(i)),
      'pas;un;registre',
      child(0),
    ];
    const key = await personKey();
    /** Whether the n-th new child of the file (0-based) is stored. */
    const newChildStored = async (n: number) =>
      (await getItem(
        env.table,
        personKeys.item(campaignId, personRefFor(key, (lines[n] ?? '').split(';')[0] as NationalNumber)),
      )) !== undefined;
    const importId = await importFile(campaignId, registerFile(lines));
    const record = () => getRecord<RegisterImport>(env.table, importKeys.item(importId));

    // Kill the worker once a batch is checkpointed and the next one is being written: people are stored that
    // the checkpoint does not count.
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the worker never got mid-batch');
      const job = await record();
      expect(job?.status, 'the import ended before the worker could be killed').toBe('PROCESSING');
      const written = job?.checkpoint?.people ?? 0;
      if (written >= 300 && written <= 800 && (await newChildStored(written + 1))) {
        expect(env.target.crashJob('importRegister')).toBe(1);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A checkpoint the worker sent before it died may still land: read it once those have settled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const atCrash = await record();
    const checkpointed = atCrash?.checkpoint?.people ?? 0;
    expect(checkpointed).toBeLessThan(1000);
    expect(await newChildStored(checkpointed + 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await record())?.checkpoint).toEqual(atCrash?.checkpoint);
    expect(await read(importId)).toMatchObject({ status: 'PROCESSING', stuck: false });
    expect(env.target.failedJobInvocations().at(-1)).toMatchObject({
      requestPayload: { importId },
      responsePayload: { errorType: 'Sandbox.Crashed' },
    });

    const early = await env.api<Record<string, unknown>>(`${base}/${importId}/resume`, {
      method: 'POST',
      token: staff,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'RUN_NOT_STUCK' });

    await waitUntil('the lost import worker’s lease to run out', async () => (await read(importId)).stuck, 20_000);
    // The campaign names it as its latest import: staff who come back find it there.
    const campaignView = await env.api<{ latestImport: unknown }>(`/campaigns/${campaignId}`, { token: staff });
    expect(campaignView.body.latestImport).toEqual({
      importId,
      status: 'PROCESSING',
      createdAt: expect.any(String),
      stuck: true,
    });
    const resumed = await env.api<Record<string, unknown>>(`${base}/${importId}/resume`, {
      method: 'POST',
      token: staff,
    });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toEqual({ importId, status: 'PROCESSING' });
    const again = await env.api<Record<string, unknown>>(`${base}/${importId}/resume`, {
      method: 'POST',
      token: staff,
    });
    expect(again.status).toBe(409);

    await waitUntil('the resumed import to finish', async () => (await read(importId)).status === 'DONE', 60_000);
    await env.target.jobsIdle();
    expect(await read(importId)).toMatchObject({
      status: 'DONE',
      stuck: false,
      leaseExpiresAt: null,
      rows: { total: 2152, valid: 2151, invalid: 1 },
      people: { new: 1000, updated: 700, unchanged: 400, missing: 100, notEligible: 50 },
      eligible: { automatic: 2100, onApplication: 0 },
      duplicates: 1,
    });
    let stored = 0;
    for await (const page of createPersonStore(env.table).all(campaignId)) stored += page.length;
    expect(stored).toBe(2200);
    // The file holds national numbers in clear: gone once the import is over.
    const documents = createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints: env.target.endpoints }),
      bucket: env.target.buckets.documents ?? '',
    });
    expect(await documents.head((await record())?.objectKey ?? '')).toBeFalsy();
  }, 180_000);
});
