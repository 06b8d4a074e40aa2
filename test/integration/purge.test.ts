/**
 * The purge of personal data, run as the daily scheduler runs it (a Lambda invoke, here through the local
 * Lambda endpoint): a campaign past its purge date loses its people, applications and reports, keeps its
 * vouchers and counters, and is purged once.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLambdaClient, createS3Client } from '../../shared/aws/clients.ts';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { personKeys } from '../../shared/data/keys.ts';
import { createPurgeJob } from '../../shared/services/purge-job.ts';
import { api, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import { createCampaign, importRegister, registerFile, registerLine } from '../support/register-api.ts';

async function invokePurge(): Promise<{ purged: Array<{ campaignId: string; people: number; documents: number }> }> {
  const lambda = createLambdaClient({ region: 'eu-west-1', endpoints: localTarget().endpoints });
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: 'purgePersonalData',
      InvocationType: 'RequestResponse',
      Payload: new TextEncoder().encode('{}'),
    }),
  );
  lambda.destroy();
  expect(answer.FunctionError).toBeUndefined();
  return JSON.parse(new TextDecoder().decode(answer.Payload));
}

async function peopleCount(campaignId: string): Promise<number> {
  const table = localTable();
  const result = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': personKeys.partition(campaignId) },
      Select: 'COUNT',
    }),
  );
  return result.Count ?? 0;
}

describe('purge of personal data', () => {
  it('deletes the people and reports of a campaign past its purge date, once, and leaves current campaigns alone', async () => {
    // Ended 31 March 2025: purge date 29 June 2025, long past.
    const past = await createCampaign({ startDate: '2025-01-01', endDate: '2025-03-31', referenceDate: '2025-01-01' });
    const current = await createCampaign();
    const lines = [
      registerLine({ birthDate: '2012-05-14', sequence: 5 }),
      '10.05.14-152.91;Bad;Line;14/05/2010;Rue;1;;5000;Namur;M',
    ];
    const imported = await importRegister(past.campaignId, registerFile(lines));
    await importRegister(current.campaignId, registerFile(lines));
    expect(await peopleCount(past.campaignId)).toBe(1);
    expect((await fetch(imported.reportUrl ?? '')).status).toBe(200);

    const first = await invokePurge();
    const mine = first.purged.find((outcome) => outcome.campaignId === past.campaignId);
    expect(mine).toMatchObject({ people: 1, documents: 1 });
    expect(first.purged.map((outcome) => outcome.campaignId)).not.toContain(current.campaignId);
    expect(await peopleCount(past.campaignId)).toBe(0);
    expect(await peopleCount(current.campaignId)).toBe(1);
    expect((await fetch(imported.reportUrl ?? '')).status).toBe(404);

    const campaign = await api<{ purgedAt?: string }>(`/campaigns/${past.campaignId}`, {
      token: await tokenFor('staff'),
    });
    expect(campaign.body.purgedAt).toEqual(expect.any(String));
    const again = await invokePurge();
    expect(again.purged.map((outcome) => outcome.campaignId)).not.toContain(past.campaignId);
    const events = await createAuditStore(localTable()).forEntity('campaign', past.campaignId);
    expect(events.filter((event) => event.action === 'PURGE_CAMPAIGN')).toHaveLength(1);
  });

  it('deletes letters once they are older than their campaign’s retention, and no sooner', async () => {
    const campaign = await createCampaign({ letterRetentionDays: 30 });
    const { endpoints, buckets } = localTarget();
    const documents = createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints }),
      bucket: buckets.documents ?? '',
    });
    const key = `letters/${campaign.campaignId}/L0000000000000001/lettres-L0000000000000001-lot-001.pdf`;
    await documents.put(key, '%PDF-1.7 test', 'application/pdf');
    const inDays = (days: number) => {
      const job = createPurgeJob({
        table: localTable(),
        documents,
        now: () => new Date(Date.now() + days * 86_400_000),
      });
      return job.run();
    };
    const early = await inDays(29);
    expect(early.lettersExpired.find((entry) => entry.campaignId === campaign.campaignId)).toBeUndefined();
    expect(await documents.head(key)).toBeDefined();
    const late = await inDays(31);
    expect(late.lettersExpired).toContainEqual({ campaignId: campaign.campaignId, documents: 1 });
    expect(await documents.head(key)).toBeUndefined();
  });
});
