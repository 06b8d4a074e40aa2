/** Register imports: creation, the PENDING -> PROCESSING -> DONE | FAILED life, and the campaign's import lease. */

import type { ImportCheckpoint, RegisterImport } from '../imports/register-import.ts';
import { DEFAULT_JOB_LEASE_SECONDS, leaseFrom } from '../jobs/job-lease.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { campaignKeys, importKeys } from './keys.ts';
import { getRecord, newestOf, type TableContext, updateItem } from './table.ts';
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

/** The import's worker is lost: PROCESSING, and its lease ran out (or it never had one). */
const STUCK = '#status = :processing AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)';

export function createImportStore(table: TableContext, options: { leaseSeconds?: number } = {}) {
  const { tableName } = table;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS;
  return {
    /** The transaction item that creates the import. */
    createItem(job: RegisterImport): TransactItem {
      return putNew(tableName, importItem(job));
    },

    get(importId: string): Promise<RegisterImport | undefined> {
      return getRecord<RegisterImport>(table, importKeys.item(importId));
    },

    /** The campaign's latest import: what staff come back to after a reload (to follow or resume it). */
    latest(campaignId: string): Promise<RegisterImport | undefined> {
      return newestOf<RegisterImport>(table, 'gsi1', importKeys.byCampaign(campaignId));
    },

    /** Transaction parts: the import PENDING -> PROCESSING, and the campaign's lease taken for it. */
    startProcessingParts(job: RegisterImport, now: Date): { import: TransactItem; lease: TransactItem } {
      const nowSeconds = epochSeconds(now);
      return {
        import: {
          Update: {
            TableName: tableName,
            Key: importKeys.item(job.importId),
            // Leased to the invocation about to start: one that never comes leaves the import stuck, resumable.
            UpdateExpression: 'SET #status = :processing, processingAt = :at, leaseUntil = :lease',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':processing': 'PROCESSING',
              ':pending': 'PENDING',
              ':at': now.toISOString(),
              ':lease': leaseFrom(now, leaseSeconds),
            },
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
        UpdateExpression: 'SET #status = :pending REMOVE processingAt, leaseUntil',
        ConditionExpression: '#status = :processing AND attribute_not_exists(workerStartedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'PENDING', ':processing': 'PROCESSING' },
      });
      await this.releaseLease(job);
    },

    /**
     * The worker takes the job: once (a second delivery of the same invocation finds it taken), or again when
     * its worker was lost (its lease ran out) or staff resumed it; the taker goes on from the checkpoint.
     */
    async claimForWorker(importId: string, workerToken: string, now: Date): Promise<boolean> {
      const claimed = await updateItem(table, {
        Key: importKeys.item(importId),
        UpdateExpression:
          'SET workerStartedAt = if_not_exists(workerStartedAt, :at), workerToken = :token, leaseUntil = :lease',
        // No token: the first invocation, or the one staff resumed it with. A token whose lease ran out: the
        // worker holding it is lost.
        ConditionExpression: `(#status = :processing AND attribute_not_exists(workerToken)) OR (${STUCK})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':processing': 'PROCESSING',
          ':at': now.toISOString(),
          ':token': workerToken,
          ':lease': leaseFrom(now, leaseSeconds),
          ':now': epochSeconds(now),
        },
      });
      return claimed.applied;
    },

    /** Records how far the worker got and renews its lease (its heartbeat); false once another took over. */
    async checkpoint(importId: string, workerToken: string, now: Date, checkpoint: ImportCheckpoint): Promise<boolean> {
      const written = await updateItem(table, {
        Key: importKeys.item(importId),
        UpdateExpression: 'SET #checkpoint = :checkpoint, leaseUntil = :lease',
        ConditionExpression: '#status = :processing AND workerToken = :token',
        ExpressionAttributeNames: { '#status': 'status', '#checkpoint': 'checkpoint' },
        ExpressionAttributeValues: {
          ':processing': 'PROCESSING',
          ':token': workerToken,
          ':checkpoint': checkpoint,
          ':lease': leaseFrom(now, leaseSeconds),
        },
      });
      return written.applied;
    },

    /**
     * Staff's resume of a stuck import: leased to the invocation they start, the lost worker's token dropped
     * (were it only slow, its next checkpoint is refused). Refused unless the import is stuck.
     */
    resumeItem(importId: string, now: Date): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: importKeys.item(importId),
          UpdateExpression: 'SET leaseUntil = :lease, resumedAt = :at ADD resumes :one REMOVE workerToken',
          ConditionExpression: STUCK,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':processing': 'PROCESSING',
            ':lease': leaseFrom(now, leaseSeconds),
            ':now': epochSeconds(now),
            ':at': now.toISOString(),
            ':one': 1,
          },
        },
      };
    },

    /** Transaction item of the final state (DONE with counts and reports, or FAILED with the reason), by its holder. */
    finishItem(
      importId: string,
      workerToken: string,
      outcome: Pick<
        RegisterImport,
        'status' | 'finishedAt' | 'counts' | 'reportKey' | 'missingReportKey' | 'file' | 'error'
      >,
    ): TransactItem {
      const names: Record<string, string> = { '#status': 'status', '#checkpoint': 'checkpoint' };
      const values: Record<string, unknown> = { ':processing': 'PROCESSING', ':token': workerToken };
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
          UpdateExpression: `SET ${sets.join(', ')} REMOVE workerToken, leaseUntil, #checkpoint`,
          ConditionExpression: '#status = :processing AND workerToken = :token',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    },

    /**
     * The campaign's import lease renewed for a worker that took the import over (its 16 minutes were
     * counted from the start); refused when another import of the campaign holds it meanwhile.
     */
    async renewCampaignLease(job: Pick<RegisterImport, 'campaignId' | 'importId'>, now: Date): Promise<boolean> {
      const parts = this.startProcessingParts(job as RegisterImport, now);
      const { TableName: _table, ...update } = parts.lease.Update as NonNullable<TransactItem['Update']>;
      return (await updateItem(table, update)).applied;
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
