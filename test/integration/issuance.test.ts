/**
 * Issuance runs through the API against the local target: one voucher per eligible person, boundary ages,
 * households kept, the sealed letter hand-off, the budget as a hard cap even for two runs at once, and the
 * Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { voucherKeys } from '../../shared/data/keys.ts';
import { letterManifestPrefix, parseJsonLines } from '../../shared/letters/letter-manifest.ts';
import { voucherIdForCode } from '../../shared/vouchers/code-hash.ts';
import { openCode } from '../../shared/vouchers/code-seal.ts';
import type { Voucher } from '../../shared/vouchers/voucher.ts';
import { codeKey } from '../support/ledger-fixtures.ts';
import { api, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import {
  createCampaign,
  finishedRun,
  importRegister,
  registerFile,
  registerLine,
  startIssuance,
} from '../support/register-api.ts';

/** Reference date 1 December 2026; automatic 0-18, on application 19-21. */
const REGISTER = [
  { birthDate: '2008-12-01', sequence: 11, lastName: 'Anniversaire', household: 'M-A' }, // 18 that very day: automatic
  { birthDate: '2008-12-02', sequence: 12, lastName: 'Presque', household: 'M-A' }, // 17
  { birthDate: '2007-12-02', sequence: 13, lastName: 'Dix-huit', household: 'M-B' }, // 18 until tomorrow: automatic
  { birthDate: '2026-11-20', sequence: 14, lastName: 'Bébé', household: 'M-B' }, // 0
  { birthDate: '2008-02-29', sequence: 15, lastName: 'Bissextile', household: 'M-C' }, // 18
  { birthDate: '2012-05-14', sequence: 16, lastName: 'Dubois', household: 'M-C' },
  { birthDate: '2015-11-30', sequence: 17, lastName: "D'Hondt", household: 'M-D' },
  { birthDate: '2019-01-22', sequence: 18, lastName: 'Lefèvre', household: 'M-E' },
  { birthDate: '2007-12-01', sequence: 19, lastName: 'Dix-neuf', household: 'M-F' }, // 19 that day: on application
  { birthDate: '2004-12-02', sequence: 20, lastName: 'Vingt-et-un', household: 'M-F' }, // 21: on application
  { birthDate: '2004-12-01', sequence: 21, lastName: 'Vingt-deux', household: 'M-G' }, // 22: not eligible
  { birthDate: '1980-12-24', sequence: 22, lastName: 'Parent', household: 'M-A' },
];
const AUTOMATIC = 8;

async function vouchersOf(campaignId: string): Promise<Voucher[]> {
  const table = localTable();
  const result = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': voucherKeys.byCampaignStatus(campaignId, 'ACTIVE') },
    }),
  );
  return (result.Items ?? []) as Voucher[];
}

async function manifestLines(campaignId: string, batchId: string) {
  const info = localTarget();
  const documents = createDocumentStore({
    s3: createS3Client({ region: 'eu-west-1', endpoints: info.endpoints }),
    bucket: info.buckets.documents ?? '',
  });
  const keys = await documents.list(letterManifestPrefix(campaignId, batchId));
  const lines = [];
  for (const key of keys.sort()) lines.push(...parseJsonLines((await documents.getText(key)) ?? ''));
  return { keys, lines };
}

async function campaignWithRegister(budgetVouchers: number) {
  const { campaignId } = await createCampaign({ faceValueCents: 10_000, budgetCents: budgetVouchers * 10_000 });
  const imported = await importRegister(campaignId, registerFile(REGISTER.map((person) => registerLine(person))));
  expect(imported.eligible).toEqual({ automatic: AUTOMATIC, onApplication: 2 });
  return campaignId;
}

describe('issuance', () => {
  it('issues one voucher to every automatic person, hands sealed codes to the letter pipeline, and never twice', async () => {
    const campaignId = await campaignWithRegister(100);
    const started = await startIssuance(campaignId, randomUUID());
    expect(started.status).toBe(202);
    const run = await finishedRun(campaignId, started.body.runId);
    expect(run).toMatchObject({
      status: 'DONE',
      issued: AUTOMATIC,
      alreadyIssued: 0,
      notIssuedBudget: 0,
      issuedValueCents: AUTOMATIC * 10_000,
    });

    const vouchers = await vouchersOf(campaignId);
    expect(vouchers).toHaveLength(AUTOMATIC);
    expect(new Set(vouchers.map((voucher) => voucher.beneficiaryRef)).size).toBe(AUTOMATIC);
    // Households kept: the two children of M-A share one household reference, other households differ.
    expect(new Set(vouchers.map((voucher) => voucher.householdRef)).size).toBe(5);

    const { keys, lines } = await manifestLines(campaignId, run.runId);
    expect(keys[0]).toMatch(new RegExp(`^letters/pending/${campaignId}/${run.runId}/part-0001\\.[0-9a-f]{8}\\.jsonl$`));
    expect(lines.map((line) => line.voucherId).sort()).toEqual(vouchers.map((voucher) => voucher.voucherId).sort());
    for (const line of lines) {
      expect(line.sealedCode).toMatch(/^v1\./);
      // The sealed code opens to the voucher's code: its keyed hash is the voucher id.
      expect(voucherIdForCode(codeKey(), openCode(codeKey(), line.sealedCode))).toBe(line.voucherId);
    }
    // No code, clear or sealed, in the table.
    const stored = JSON.stringify(vouchers);
    for (const line of lines) {
      expect(stored).not.toContain(openCode(codeKey(), line.sealedCode));
      expect(stored).not.toContain(line.sealedCode);
    }

    const campaign = await api<{ issuedValueCents: number; issuedCount: number }>(`/campaigns/${campaignId}`, {
      token: await tokenFor('staff'),
    });
    expect(campaign.body).toMatchObject({ issuedValueCents: AUTOMATIC * 10_000, issuedCount: AUTOMATIC });

    const again = await finishedRun(campaignId, (await startIssuance(campaignId, randomUUID())).body.runId);
    expect(again).toMatchObject({
      status: 'DONE',
      issued: 0,
      alreadyIssued: AUTOMATIC,
      notIssuedBudget: 0,
      issuedValueCents: 0,
    });
    expect(await vouchersOf(campaignId)).toHaveLength(AUTOMATIC);
  });

  it('answers the same run to the same Idempotency-Key, a new one to a new key', async () => {
    const campaignId = await campaignWithRegister(100);
    const key = randomUUID();
    const [first, retry] = await Promise.all([startIssuance(campaignId, key), startIssuance(campaignId, key)]);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body.runId).toBe(first.body.runId);
    await finishedRun(campaignId, first.body.runId);
    expect((await startIssuance(campaignId, key)).body.runId).toBe(first.body.runId);
    const other = await startIssuance(campaignId, randomUUID());
    expect(other.body.runId).not.toBe(first.body.runId);
    await finishedRun(campaignId, other.body.runId);
    expect((await startIssuance(campaignId, '')).status).toBe(400);
  });

  it('stops at the budget and counts the rest as not issued for budget', async () => {
    const campaignId = await campaignWithRegister(3);
    const run = await finishedRun(campaignId, (await startIssuance(campaignId, randomUUID())).body.runId);
    expect(run).toMatchObject({
      status: 'DONE',
      issued: 3,
      alreadyIssued: 0,
      notIssuedBudget: AUTOMATIC - 3,
      issuedValueCents: 30_000,
    });
    expect(await vouchersOf(campaignId)).toHaveLength(3);
  });

  it('never exceeds the budget with two runs at once over several pages, and their counts add up exactly', async () => {
    const children = 260;
    const budget = 170;
    const { campaignId } = await createCampaign({ faceValueCents: 10_000, budgetCents: budget * 10_000 });
    const lines = Array.from({ length: children }, (_unused, index) =>
      registerLine({
        birthDate: `20${String(10 + (index % 8)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
        sequence: 1 + Math.floor(index / 10),
        household: `M-${Math.floor(index / 3)}`,
      }),
    );
    expect((await importRegister(campaignId, registerFile(lines))).people.new).toBe(children);

    const [a, b] = await Promise.all([
      startIssuance(campaignId, randomUUID()),
      startIssuance(campaignId, randomUUID()),
    ]);
    expect(a.body.runId).not.toBe(b.body.runId);
    const runs = await Promise.all([finishedRun(campaignId, a.body.runId), finishedRun(campaignId, b.body.runId)]);
    for (const run of runs) {
      expect(run.status).toBe('DONE');
      expect(run.issued + run.alreadyIssued + run.notIssuedBudget).toBe(children);
    }
    expect(runs.reduce((sum, run) => sum + run.issued, 0)).toBe(budget);
    expect(runs.reduce((sum, run) => sum + run.issuedValueCents, 0)).toBe(budget * 10_000);
    const vouchers = await vouchersOf(campaignId);
    expect(vouchers).toHaveLength(budget);
    expect(new Set(vouchers.map((voucher) => voucher.beneficiaryRef)).size).toBe(budget);
    const campaign = await api<{ issuedValueCents: number; issuedCount: number }>(`/campaigns/${campaignId}`, {
      token: await tokenFor('staff'),
    });
    expect(campaign.body).toMatchObject({ issuedValueCents: budget * 10_000, issuedCount: budget });
    // Manifest lines are written before issuing: each voucher has exactly one line; a line without a voucher
    // (a person the other run got first, or past the budget) is a candidate the letter run skips.
    const manifests = await Promise.all(runs.map((run) => manifestLines(campaignId, run.runId)));
    const issuedIds = new Set(vouchers.map((voucher) => voucher.voucherId));
    const lineIds = manifests.flatMap((manifest) => manifest.lines.map((line) => line.voucherId));
    expect(lineIds.filter((id) => issuedIds.has(id)).sort()).toEqual([...issuedIds].sort());
  });

  it('knows no run of another campaign, and is for staff only', async () => {
    const campaignId = await campaignWithRegister(1);
    const run = await startIssuance(campaignId, randomUUID());
    await finishedRun(campaignId, run.body.runId);
    const other = await createCampaign();
    expect(
      (await api(`/campaigns/${other.campaignId}/issuance/${run.body.runId}`, { token: await tokenFor('staff') }))
        .status,
    ).toBe(404);
    expect(
      (
        await api(`/campaigns/${campaignId}/issuance`, {
          method: 'POST',
          token: await tokenFor('merchant'),
          headers: { 'idempotency-key': randomUUID() },
        })
      ).status,
    ).toBe(403);
  });
});
