/** Register imports: creation, the PENDING -> PROCESSING -> DONE | FAILED life, and the campaign's import lease. */
import type { RegisterImport } from '../imports/register-import.ts';
import { campaignKeys, importKeys } from './keys.ts';
import { getRecord, type TableContext, updateItem } from './table.ts';
import { putNew, type TransactItem } from './transactions.ts';

export function importItem(job: RegisterImport): Record<string, unknown> {
  return {
    ...importKeys.item(job.importId),
    type: 'RegisterImport',
    gsi1pk: importKeys.byCampaign(job.campaignId),
    gsi1sk: importKeys.byCampaignSort(job.createdAt, job.importId),
    ...job,
  };
}

/**
 * One import of a campaign is processed at a time: two at once would classify the same people twice and
 * both report misleading counts. The lease expires on its own after a worker's longest possible run, so a
 * crashed worker never blocks the campaign for good.
 */
export const IMPORT_LEASE_SECONDS = 16 * 60;

export function createImportStore(table: TableContext) {
  const { tableName } = table;
  return {
    /** The transaction item that creates the import. */
    createItem(job: RegisterImport): TransactItem {
      return putNew(tableName, importItem(job));
    },

    get(importId: string): Promise<RegisterImport | undefined> {
      return getRecord<RegisterImport>(table, importKeys.item(importId));
    },

    /** Transaction parts: the import PENDING -> PROCESSING, and the campaign's lease taken for it. */
    startProcessingParts(job: RegisterImport, now: Date): { import: TransactItem; lease: TransactItem } {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      return {
        import: {
          Update: {
            TableName: tableName,
            Key: importKeys.item(job.importId),
            UpdateExpression: 'SET #status = :processing, processingAt = :at',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':processing': 'PROCESSING', ':pending': 'PENDING', ':at': now.toISOString() },
          },
        },
        lease: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.item(job.campaignId),
            UpdateExpression: 'SET importLease = :lease',
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(importLease) OR importLease.#until < :now OR importLease.importId = :id)',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: {
              ':lease': { importId: job.importId, until: nowSeconds + IMPORT_LEASE_SECONDS },
              ':now': nowSeconds,
              ':id': job.importId,
            },
          },
        },
      };
    },

    /** Back to PENDING when the worker could not be started, so staff can simply ask again. */
    async abandonProcessing(job: RegisterImport): Promise<void> {
      // Refused: a worker started after all; it owns the import now.
      await updateItem(table, {
        Key: importKeys.item(job.importId),
        UpdateExpression: 'SET #status = :pending REMOVE processingAt',
        ConditionExpression: '#status = :processing AND attribute_not_exists(workerStartedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'PENDING', ':processing': 'PROCESSING' },
      });
      await this.releaseLease(job);
    },

    /** The worker takes the job once: a second delivery of the same invocation finds it taken. */
    async claimForWorker(importId: string, now: Date): Promise<boolean> {
      const claimed = await updateItem(table, {
        Key: importKeys.item(importId),
        UpdateExpression: 'SET workerStartedAt = :at',
        ConditionExpression: '#status = :processing AND attribute_not_exists(workerStartedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':processing': 'PROCESSING', ':at': now.toISOString() },
      });
      return claimed.applied;
    },

    /** Transaction item of the final state: DONE with counts and reports, or FAILED with the reason. */
    finishItem(
      importId: string,
      outcome: Pick<
        RegisterImport,
        'status' | 'finishedAt' | 'counts' | 'reportKey' | 'missingReportKey' | 'file' | 'error'
      >,
    ): TransactItem {
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':processing': 'PROCESSING' };
      const sets: string[] = [];
      for (const [name, value] of Object.entries(outcome)) {
        if (value === undefined) continue;
        names[`#${name}`] = name;
        values[`:${name}`] = value;
        sets.push(`#${name} = :${name}`);
      }
      return {
        Update: {
          TableName: tableName,
          Key: importKeys.item(importId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#status = :processing',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    },

    async releaseLease(job: Pick<RegisterImport, 'campaignId' | 'importId'>): Promise<void> {
      // Refused: another import holds it now (ours had expired), not ours to release.
      await updateItem(table, {
        Key: campaignKeys.item(job.campaignId),
        UpdateExpression: 'REMOVE importLease',
        ConditionExpression: 'importLease.importId = :id',
        ExpressionAttributeValues: { ':id': job.importId },
      });
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
