/**
 * The purge of personal data, run as the daily scheduler runs it (a Lambda invoke, here through the local
 * Lambda endpoint): a campaign past its purge date loses its people, applications and reports, keeps its
 * vouchers and counters, and is purged once.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLambdaClient } from '../../shared/aws/clients.ts';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { personKeys } from '../../shared/data/keys.ts';
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
});
