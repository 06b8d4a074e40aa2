/**
 * A job worker that dies mid-run (issue 13, item 6): the local Lambda endpoint kills the issuance worker's
 * sandbox in the middle of a page, after some of the page's vouchers were issued and before its checkpoint.
 * The run stays RUNNING until its heartbeat lease runs out; the failed invocation is where AWS's on-failure
 * queue would get it; staff resume it through the API, and a new worker finishes it from the checkpoint with
 * exact counts: every person counted once, no voucher issued twice, every voucher's code in the manifest.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../infra/local/ports.ts';
import { createS3Client } from '../../shared/aws/clients.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { campaignKeys } from '../../shared/data/keys.ts';
import { personItem } from '../../shared/data/person-store.ts';
import { getItem } from '../../shared/data/table.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import { letterManifestPrefix, parseJsonLines } from '../../shared/letters/letter-manifest.ts';
import type { Person } from '../../shared/people/person.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { type PrivateTarget, startPrivateTarget } from '../support/private-target.ts';

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
