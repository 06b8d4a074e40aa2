/**
 * The issuance worker near the end of its Lambda time: it checkpoints, hands the run over to a fresh
 * invocation, and the next one resumes where it stopped, so a run of any size finishes with exact counts
 * and every voucher's sealed code in exactly one manifest part.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { issuanceRunItem } from '../../shared/data/issuance-store.ts';
import { personItem } from '../../shared/data/person-store.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import { newId } from '../../shared/ids.ts';
import { ZERO_COUNTS } from '../../shared/issuance/issuance-run.ts';
import { letterManifestPrefix, parseJsonLines } from '../../shared/letters/letter-manifest.ts';
import type { Person } from '../../shared/people/person.ts';
import { createIssuanceJob } from '../../shared/services/issuance-job.ts';
import type { JobName } from '../../shared/services/jobs.ts';
import { codeKey, createTestCampaign } from '../support/ledger-fixtures.ts';
import { localTable, localTarget, uniqueId } from '../support/local-target.ts';

describe('issuance hand-over', () => {
  it('checkpoints, hands over and resumes until done, with exact counts and one manifest part per page', async () => {
    const table = localTable();
    const info = localTarget();
    const documents = createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints: info.endpoints }),
      bucket: info.buckets.documents ?? '',
    });
    const campaign = await createTestCampaign({ budgetCents: 240 * 10_000 });
    const people = Array.from(
      { length: 250 },
      (_unused, index): Person => ({
        campaignId: campaign.campaignId,
        personRef: uniqueId('p').replaceAll('-', ''),
        householdRef: `h${index}`,
        birthDate: '2012-05-14',
        lastName: 'Dubois',
        firstName: `Enfant ${index}`,
        address: {
          street: 'Rue de la Station',
          houseNumber: String(index),
          box: null,
          postcode: '5000',
          locality: 'Namur',
        },
        eligibility: 'AUTOMATIC',
        fingerprint: 'f',
        version: 1,
        firstImportId: 'I',
        lastImportId: 'I',
        updatedAt: new Date().toISOString(),
      }),
    );
    for (let start = 0; start < people.length; start += 25) {
      await table.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [table.tableName]: people
              .slice(start, start + 25)
              .map((person) => ({ PutRequest: { Item: personItem(person) } })),
          },
        }),
      );
    }
    const runId = newId('R');
    await table.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [table.tableName]: [
            {
              PutRequest: {
                Item: issuanceRunItem({
                  runId,
                  campaignId: campaign.campaignId,
                  status: 'PENDING',
                  createdAt: new Date().toISOString(),
                  createdBy: 'test',
                  nextPart: 1,
                  ...ZERO_COUNTS,
                }),
              },
            },
          ],
        },
      }),
    );

    const started: Array<{ job: JobName; payload: unknown }> = [];
    const job = createIssuanceJob(
      {
        table,
        codeKey: codeKey(),
        now: () => new Date(),
        documents,
        startJob: async (name, payload) => {
          started.push({ job: name, payload });
        },
      },
      // Always short of time: every invocation does one page, then hands over.
      { pageSize: 100, remainingMs: () => 0 },
    );

    const first = await job.run(runId);
    expect(first).toMatchObject({ status: 'PENDING', issued: 100, nextPart: 2 });
    expect(first?.cursor).toBeDefined();
    expect(started).toEqual([{ job: 'issueVouchers', payload: { runId } }]);
    // A duplicate delivery while the run is held by nobody is simply the next invocation.
    const second = await job.run(runId);
    expect(second).toMatchObject({ status: 'PENDING', issued: 200 });
    const last = await job.run(runId);
    expect(last).toMatchObject({
      status: 'DONE',
      issued: 240,
      alreadyIssued: 0,
      notIssuedBudget: 10,
      issuedValueCents: 240 * 10_000,
    });
    expect(last?.cursor).toBeUndefined();
    expect(started).toHaveLength(2);
    // Done is done: another delivery changes nothing.
    expect(await job.run(runId)).toMatchObject({ status: 'DONE', issued: 240 });

    const keys = (await documents.list(letterManifestPrefix(campaign.campaignId, runId))).sort();
    expect(
      keys.map((key) =>
        key
          .split('/')
          .at(-1)
          ?.replace(/\.[0-9a-f]{8}\./, '.'),
      ),
    ).toEqual(['part-0001.jsonl', 'part-0002.jsonl', 'part-0003.jsonl']);
    const lines = [];
    for (const key of keys) lines.push(...parseJsonLines((await documents.getText(key)) ?? ''));
    // Lines are written before issuing: the 10 people past the budget have a line and no voucher.
    expect(lines).toHaveLength(250);
    expect(new Set(lines.map((line) => line.beneficiaryRef)).size).toBe(250);
    const vouchers = createVoucherStore(table);
    const issued = await Promise.all(lines.map((line) => vouchers.get(line.voucherId)));
    expect(issued.filter((voucher) => voucher !== undefined)).toHaveLength(240);
  });
});
