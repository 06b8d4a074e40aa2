/**
 * Deletes a campaign's personal data once its purge date has come (shared/campaigns/campaign.ts: 90 days
 * after the end by default, moved by extensions): its people (names, addresses, birth dates), its
 * applications and their proofs, its import reports (the missing-people report names people) and any letter
 * manifest left behind. Vouchers, redemptions, settlements and audit events stay: they hold only keyed
 * references, which is what the dashboards and the accounts need. Run daily; a campaign is purged once
 * (`purgedAt`), and a run interrupted half-way simply does the rest the next day.
 * In the versioned documents bucket a delete leaves a non-current version, which the bucket expires after
 * its retention (infra/constructs/data.ts).
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { APPLICATION_STATUSES } from '../applications/application.ts';
import { type Campaign, purgeDateOf } from '../campaigns/campaign.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { applicationKeys, campaignKeys, personKeys } from '../data/keys.ts';
import { auditItem, putNew } from '../data/ledger-items.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { newId } from '../ids.ts';
import { UPLOADS_PREFIX } from '../imports/register-import.ts';
import { SYSTEM_ACTOR } from '../ledger/audit-event.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';

export interface PurgeDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  readonly now: () => Date;
}

export interface PurgeOutcome {
  readonly campaignId: string;
  readonly people: number;
  readonly applications: number;
  readonly documents: number;
}

type Key = Record<string, unknown>;

export function createPurgeJob(deps: PurgeDependencies) {
  const campaigns = createCampaignStore(deps.table);
  const { tableName } = deps.table;

  async function deleteKeys(keys: readonly Key[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 25) {
      let requests = keys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const result = await deps.table.doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  }

  /** Every key of a query, page by page, deleted as it comes. */
  async function deleteQuery(query: {
    IndexName?: string;
    KeyConditionExpression: string;
    values: Key;
  }): Promise<number> {
    let deleted = 0;
    let startKey: Key | undefined;
    do {
      const page = await deps.table.doc.send(
        new QueryCommand({
          TableName: tableName,
          ...(query.IndexName ? { IndexName: query.IndexName } : {}),
          KeyConditionExpression: query.KeyConditionExpression,
          ExpressionAttributeValues: query.values,
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: startKey,
        }),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: item.pk, sk: item.sk }));
      await deleteKeys(keys);
      deleted += keys.length;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return deleted;
  }

  async function purge(campaign: Campaign): Promise<PurgeOutcome> {
    const { campaignId } = campaign;
    const people = await deleteQuery({
      KeyConditionExpression: 'pk = :pk',
      values: { ':pk': personKeys.partition(campaignId) },
    });
    let applications = 0;
    for (const status of APPLICATION_STATUSES) {
      applications += await deleteQuery({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        values: { ':pk': applicationKeys.byCampaignStatus(campaignId, status) },
      });
    }
    let documents = 0;
    for (const prefix of [
      `applications/${campaignId}/`,
      `imports/${campaignId}/`,
      `letters/pending/${campaignId}/`,
      `${UPLOADS_PREFIX}registers/${campaignId}/`,
    ]) {
      for (const key of await deps.documents.list(prefix)) {
        await deps.documents.delete(key);
        documents++;
      }
    }
    const at = deps.now().toISOString();
    await transactWrite(deps.table, [
      {
        Update: {
          TableName: tableName,
          Key: campaignKeys.item(campaignId),
          UpdateExpression: 'SET purgedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(purgedAt)',
          ExpressionAttributeValues: { ':at': at },
        },
      },
      putNew(
        tableName,
        auditItem({
          eventId: newId('E'),
          at,
          action: 'PURGE_CAMPAIGN',
          actor: SYSTEM_ACTOR,
          entityType: 'campaign',
          entityId: campaignId,
          requestId: `purge-${brusselsDateOf(deps.now())}`,
          details: { people, applications, documents, purgeDate: purgeDateOf(campaign) },
        }),
      ),
    ]);
    return { campaignId, people, applications, documents };
  }

  return {
    /** Purges every campaign whose purge date is today or past and that is not purged yet. */
    async run(): Promise<PurgeOutcome[]> {
      const today = brusselsDateOf(deps.now());
      const due = (await campaigns.list()).filter(
        (campaign) => !(campaign as Campaign & { purgedAt?: string }).purgedAt && purgeDateOf(campaign) <= today,
      );
      const outcomes: PurgeOutcome[] = [];
      for (const campaign of due) outcomes.push(await purge(campaign));
      return outcomes;
    },
  };
}
