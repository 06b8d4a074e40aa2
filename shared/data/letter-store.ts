/**
 * Letter runs, their print batches, and the mark each voucher gets when a run takes it: a voucher is
 * printed by one run only, however often a task is retried or a run resumed.
 */

import type { LetterBatch, LetterRun } from '../letters/letter-run.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { letterRunKeys, voucherKeys } from './keys.ts';
import {
  getRecord,
  type Item,
  listPage,
  type PageRequest,
  putItem,
  queryAll,
  type TableContext,
  updateItem,
  withoutKeys,
} from './table.ts';
import { putNew, type TransactItem, transactWrite } from './transactions.ts';

/** How long an execution's claim on a run holds without a sign of life: longer than any one task. */
export const LETTER_RUN_LEASE_SECONDS = 20 * 60;

export function letterRunItem(run: LetterRun): Item {
  return {
    ...letterRunKeys.item(run.runId),
    type: 'LetterRun',
    gsi1pk: letterRunKeys.byCampaign(run.campaignId),
    gsi1sk: letterRunKeys.byCampaignSort(run.createdAt, run.runId),
    ...run,
  };
}

export function createLetterStore(table: TableContext) {
  const { tableName } = table;
  return {
    createRunItem(run: LetterRun): TransactItem {
      return putNew(tableName, letterRunItem(run));
    },

    getRun(runId: string): Promise<LetterRun | undefined> {
      return getRecord<LetterRun>(table, letterRunKeys.item(runId));
    },

    /** A campaign's runs, oldest first (a few a year). */
    /** A page of the campaign's runs, newest first. */
    async campaignRunPage(
      campaignId: string,
      request: PageRequest,
    ): Promise<{ items: LetterRun[]; nextCursor: string | null }> {
      const pk = letterRunKeys.byCampaign(campaignId);
      const page = await listPage(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
        },
        request,
        { gsi1pk: pk },
      );
      return { items: page.items.map((item) => withoutKeys<LetterRun>(item)), nextCursor: page.nextCursor };
    },

    async campaignRuns(campaignId: string): Promise<LetterRun[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': letterRunKeys.byCampaign(campaignId) },
      });
      return items.map((item) => withoutKeys<LetterRun>(item));
    },

    /**
     * Makes `owner` the execution working on the run: when nobody holds it, when it already does, or when
     * the holder is gone (failed, or silent past its lease). A failed run goes back to RUNNING.
     */
    async claim(runId: string, owner: string, now: Date): Promise<LetterRun | undefined> {
      const result = await updateItem(table, {
        Key: letterRunKeys.item(runId),
        UpdateExpression: 'SET #owner = :owner, leaseUntil = :lease, #status = :running REMOVE #error',
        ConditionExpression:
          'attribute_exists(pk) AND #status IN (:pending, :running, :failed) AND (attribute_not_exists(#owner) OR #owner = :owner OR leaseUntil < :now OR #status = :failed)',
        ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':owner': owner,
          ':lease': epochSeconds(now) + LETTER_RUN_LEASE_SECONDS,
          ':now': epochSeconds(now),
          ':pending': 'PENDING',
          ':running': 'RUNNING',
          ':failed': 'FAILED',
        },
        ReturnValues: 'ALL_NEW',
      });
      return result.attributes ? withoutKeys<LetterRun>(result.attributes) : undefined;
    },

    /** Updates the run while `owner` holds it (renewing its lease); false when another execution took it. */
    async owned(runId: string, owner: string, now: Date, set: Partial<LetterRun> = {}): Promise<boolean> {
      const names: Record<string, string> = { '#owner': 'owner' };
      const values: Item = { ':owner': owner, ':lease': epochSeconds(now) + LETTER_RUN_LEASE_SECONDS };
      const sets = ['leaseUntil = :lease'];
      for (const [name, value] of Object.entries(set)) {
        names[`#${name}`] = name;
        values[`:${name}`] = value;
        sets.push(`#${name} = :${name}`);
      }
      const result = await updateItem(table, {
        Key: letterRunKeys.item(runId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      return result.applied;
    },

    /** The voucher is this run's to print (it had no letter, or this very run already took it). */
    async takeVoucher(voucherId: string, runId: string, at: string): Promise<boolean> {
      const result = await updateItem(table, {
        Key: voucherKeys.item(voucherId),
        UpdateExpression: 'SET letterRunId = :run, letterPlannedAt = if_not_exists(letterPlannedAt, :at)',
        ConditionExpression:
          'attribute_exists(pk) AND #status = :active AND (attribute_not_exists(letterRunId) OR letterRunId = :run)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':run': runId, ':at': at, ':active': 'ACTIVE' },
      });
      return result.applied;
    },

    /** Records a batch as planned (a plan made again writes the same batch). */
    async putBatch(batch: LetterBatch): Promise<void> {
      await putItem(table, { ...letterRunKeys.batch(batch.runId, batch.number), type: 'LetterBatch', ...batch });
    },

    getBatch(runId: string, number: number): Promise<LetterBatch | undefined> {
      return getRecord<LetterBatch>(table, letterRunKeys.batch(runId, number));
    },

    /** Every batch of a run, in order (strongly consistent). */
    async batches(runId: string): Promise<LetterBatch[]> {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :batch)',
        ExpressionAttributeValues: { ':pk': letterRunKeys.partition(runId), ':batch': 'BATCH#' },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<LetterBatch>(item));
    },

    /** The batch's PDF exists: DONE, and the run's progress moves, once however often it is retried. */
    async batchDone(runId: string, number: number, files: { pdfKey: string; manifestKey: string; bytes: number }) {
      const outcome = await transactWrite(table, {
        batch: {
          Update: {
            TableName: tableName,
            Key: letterRunKeys.batch(runId, number),
            UpdateExpression: 'SET #status = :done, pdfKey = :pdf, manifestKey = :manifest, bytes = :bytes',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':done': 'DONE',
              ':pending': 'PENDING',
              ':pdf': files.pdfKey,
              ':manifest': files.manifestKey,
              ':bytes': files.bytes,
            },
          },
        },
        run: {
          Update: {
            TableName: tableName,
            Key: letterRunKeys.item(runId),
            UpdateExpression: 'ADD batchesDone :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      });
      return outcome.committed || outcome.failed('batch');
    },
  };
}

export type LetterStore = ReturnType<typeof createLetterStore>;
