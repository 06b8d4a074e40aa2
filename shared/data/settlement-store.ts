/**
 * Settlement runs: opened, claimed and renewed under a lease by one execution, then approved and paid. The
 * store also answers for the shops' settlements (shop-settlement-store.ts), which the runs fill.
 */

import type { WaitingShop } from '../settlement/settlement.ts';
import type { SettlementRun, SettlementRunFiles } from '../settlement/settlement-run.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { settlementRunKeys } from './keys.ts';
import { createShopSettlementStore } from './shop-settlement-store.ts';
import {
  getRecord,
  type Item,
  listPage,
  type PageRequest,
  queryAll,
  type TableContext,
  updateItem,
  withoutKeys,
} from './table.ts';
import { putNew, type TransactItem } from './transactions.ts';

/**
 * How long an execution's claim on a run holds without a sign of life, by default: longer than any one task.
 * An execution that waits between looks (the approval loop) needs a lease longer than its wait.
 */
export const RUN_LEASE_SECONDS = 20 * 60;

export function settlementRunItem(run: SettlementRun): Item {
  return {
    ...settlementRunKeys.item(run.runId),
    type: 'SettlementRun',
    gsi1pk: settlementRunKeys.listPartition,
    gsi1sk: settlementRunKeys.listSort(run.createdAt, run.runId),
    gsi2pk: settlementRunKeys.unfinishedPartition,
    gsi2sk: settlementRunKeys.listSort(run.createdAt, run.runId),
    ...run,
  };
}

export function createSettlementStore(table: TableContext, options: { leaseSeconds?: number } = {}) {
  const { tableName } = table;
  const leaseSeconds = options.leaseSeconds ?? RUN_LEASE_SECONDS;
  const runKey = settlementRunKeys.item;

  /** An update of the run that holds only while `owner` still holds the run (renewing its lease). */
  const ownedUpdate = async (
    runId: string,
    owner: string,
    now: Date,
    change: { set?: Record<string, unknown>; remove?: readonly string[]; condition?: string; values?: Item },
  ): Promise<boolean> => {
    const names: Record<string, string> = {};
    const values: Item = { ':owner': owner, ':lease': epochSeconds(now) + leaseSeconds, ...change.values };
    const sets = ['leaseUntil = :lease'];
    for (const [name, value] of Object.entries(change.set ?? {})) {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
    const removes = (change.remove ?? []).map((name) => {
      names[`#${name}`] = name;
      return `#${name}`;
    });
    const result = await updateItem(table, {
      Key: runKey(runId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: `#owner = :owner${change.condition ? ` AND (${change.condition})` : ''}`,
      ExpressionAttributeNames: {
        ...names,
        '#owner': 'owner',
        ...(change.condition?.includes('#status') ? { '#status': 'status' } : {}),
      },
      ExpressionAttributeValues: values,
    });
    return result.applied;
  };

  return {
    ...createShopSettlementStore(table),
    createRunItem(run: SettlementRun): TransactItem {
      return putNew(tableName, settlementRunItem(run));
    },

    getRun(runId: string): Promise<SettlementRun | undefined> {
      return getRecord<SettlementRun>(table, runKey(runId));
    },

    /** A page of the runs, newest first. */
    async listRuns(request: PageRequest): Promise<{ items: SettlementRun[]; nextCursor: string | null }> {
      const pk = settlementRunKeys.listPartition;
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
      return { items: page.items.map((item) => withoutKeys<SettlementRun>(item)), nextCursor: page.nextCursor };
    },

    /** Runs not over yet (running, failed, awaiting approval), oldest first. Eventually consistent. */
    async unfinishedRuns(): Promise<SettlementRun[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': settlementRunKeys.unfinishedPartition },
      });
      return items.map((item) => withoutKeys<SettlementRun>(item));
    },

    /**
     * Makes `owner` the execution working on the run: when nobody holds it, when it already does, or when
     * the holder is gone (failed, or silent past its lease). A failed run goes back to RUNNING.
     */
    async claim(runId: string, owner: string, now: Date): Promise<SettlementRun | undefined> {
      const result = await updateItem(table, {
        Key: runKey(runId),
        UpdateExpression:
          'SET #owner = :owner, leaseUntil = :lease, #status = if_not_exists(resumeStatus, #status) REMOVE #error, resumeStatus',
        ConditionExpression:
          'attribute_exists(pk) AND #status IN (:running, :awaiting, :failed) AND (attribute_not_exists(#owner) OR #owner = :owner OR leaseUntil < :now OR #status = :failed)',
        ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':owner': owner,
          ':lease': epochSeconds(now) + leaseSeconds,
          ':now': epochSeconds(now),
          ':running': 'RUNNING',
          ':awaiting': 'AWAITING_APPROVAL',
          ':failed': 'FAILED',
        },
        ReturnValues: 'ALL_NEW',
      });
      return result.attributes ? withoutKeys<SettlementRun>(result.attributes) : undefined;
    },

    /** Renews the owner's lease; false when another execution took the run over. */
    heartbeat(runId: string, owner: string, now: Date): Promise<boolean> {
      return ownedUpdate(runId, owner, now, {});
    },

    /** Every shop closed: the figures the documents and the timer work from. */
    recordClosing(
      runId: string,
      owner: string,
      now: Date,
      closing: Pick<
        SettlementRun,
        'totalCents' | 'settlementCount' | 'redemptionCount' | 'waiting' | 'oldestRedemptionAt' | 'payoutDeadline'
      >,
    ): Promise<boolean> {
      const set = Object.fromEntries(Object.entries(closing).filter(([, value]) => value !== undefined));
      return ownedUpdate(runId, owner, now, {
        set,
        condition: '#status = :running',
        values: { ':running': 'RUNNING' },
      });
    },

    /** Nothing to pay: the run is over (shops without an IBAN, if any, are in `waiting`). */
    markEmpty(runId: string, owner: string, now: Date, waiting: readonly WaitingShop[]): Promise<boolean> {
      return ownedUpdate(runId, owner, now, {
        set: { status: 'EMPTY', waiting, finishedAt: now.toISOString() },
        remove: ['gsi2pk', 'gsi2sk'],
        condition: '#status = :running',
        values: { ':running': 'RUNNING' },
      });
    },

    /** The documents exist: finance may now send the payment file and approve. */
    markFilesBuilt(
      runId: string,
      owner: string,
      now: Date,
      files: SettlementRunFiles,
      requestedExecutionDate: CalendarDate,
    ): Promise<boolean> {
      return ownedUpdate(runId, owner, now, {
        set: { status: 'AWAITING_APPROVAL', files, requestedExecutionDate },
        condition: '#status = :running',
        values: { ':running': 'RUNNING' },
      });
    },

    /** Records that a message of the run went out (`field` once: reportsSentAt, reminderSentAt, escalatedAt). */
    markSent(
      runId: string,
      owner: string,
      now: Date,
      field: 'reportsSentAt' | 'reminderSentAt' | 'escalatedAt',
    ): Promise<boolean> {
      return ownedUpdate(runId, owner, now, {
        set: { [field]: now.toISOString() },
        condition: `attribute_not_exists(${field})`,
      });
    },

    /** Finance's confirmation that the payment file went to the bank (once). */
    approvalItem(runId: string, approvedBy: string, at: string): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: runKey(runId),
          UpdateExpression: 'SET approvedAt = :at, approvedBy = :by',
          ConditionExpression: '#status = :awaiting AND attribute_not_exists(approvedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':by': approvedBy, ':awaiting': 'AWAITING_APPROVAL' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
    },

    /** The payout recorded: the run is over. */
    markPaid(runId: string, owner: string, now: Date, payoutDate: CalendarDate): Promise<boolean> {
      return ownedUpdate(runId, owner, now, {
        set: { status: 'PAID', paidAt: now.toISOString(), payoutDate },
        remove: ['gsi2pk', 'gsi2sk'],
        condition: '#status = :awaiting AND attribute_exists(approvedAt)',
        values: { ':awaiting': 'AWAITING_APPROVAL' },
      });
    },

    /** The execution gave up: FAILED with the reason, until an execution resumes it where it was. */
    async markFailed(runId: string, owner: string, error: string): Promise<boolean> {
      const result = await updateItem(table, {
        Key: runKey(runId),
        // SET reads the item as it was: resumeStatus keeps the status the run had when it failed.
        UpdateExpression: 'SET resumeStatus = #status, #status = :failed, #error = :error',
        ConditionExpression: '#owner = :owner AND #status IN (:running, :awaiting)',
        ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':owner': owner,
          ':failed': 'FAILED',
          ':error': error.slice(0, 500),
          ':running': 'RUNNING',
          ':awaiting': 'AWAITING_APPROVAL',
        },
      });
      return result.applied;
    },
  };
}

export type SettlementStore = ReturnType<typeof createSettlementStore>;
