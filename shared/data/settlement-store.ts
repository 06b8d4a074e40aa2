/**
 * Settlement runs and settlements. A shop's redemptions are marked with their settlement in the very
 * transaction that adds them to it, and leave the "unsettled" index for the settlement's own lines.
 */
import type { Redemption } from '../ledger/redemption.ts';
import type { Creditor, Settlement, WaitingShop } from '../settlement/settlement.ts';
import { earliest, type SettlementRun, type SettlementRunFiles } from '../settlement/settlement-run.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { redemptionKeys, settlementKeys, settlementRunKeys } from './keys.ts';
import {
  batchGetAll,
  getRecord,
  type Item,
  listPage,
  type PageRequest,
  pages,
  queryAll,
  queryPage,
  type TableContext,
  updateItem,
  withoutKeys,
} from './table.ts';
import { putNew, type TransactItem, transactWrite } from './transactions.ts';

/**
 * How long an execution's claim on a run holds without a sign of life, by default: longer than any one task.
 * An execution that waits between looks (the approval loop) needs a lease longer than its wait.
 */
export const RUN_LEASE_SECONDS = 20 * 60;
/** DynamoDB takes 100 items per transaction: the settlement's counter and 99 redemptions. */
export const REDEMPTIONS_PER_TRANSACTION = 99;

/** A settlement while its run is still adding purchases to it. */
export type OpenSettlement = Pick<Settlement, 'settlementId' | 'runId' | 'merchantId' | 'amountCents' | 'redemptions'> &
  Partial<Settlement> & { readonly oldestRedemptionAt: string };

/** What closing needs of an unsettled purchase: the index query reads no more than this. */
export type UnsettledRedemption = Pick<Redemption, 'redemptionId' | 'amountCents' | 'createdAt'>;

export interface SettlementRef {
  readonly settlementId: string;
  readonly runId: string;
  readonly merchantId: string;
  readonly runCreatedAt: string;
}

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

const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

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
    const values: Item = { ':owner': owner, ':lease': nowSeconds(now) + leaseSeconds, ...change.values };
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
          ':lease': nowSeconds(now) + leaseSeconds,
          ':now': nowSeconds(now),
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

    /** A shop's unsettled redemptions created before `cutoff`, oldest first, a page at a time. */
    async unsettledPage(
      merchantId: string,
      cutoff: string,
      limit: number,
      startKey?: Item,
    ): Promise<{ redemptions: UnsettledRedemption[]; nextKey: Item | undefined }> {
      const page = await queryPage(
        table,
        {
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :cutoff',
          ExpressionAttributeValues: { ':pk': redemptionKeys.unsettled(merchantId), ':cutoff': cutoff },
          // About half the bytes of a whole item to read and unmarshal: a page is only added up and marked.
          ProjectionExpression: 'redemptionId, amountCents, createdAt',
          Limit: limit,
        },
        startKey,
      );
      return { redemptions: page.items as UnsettledRedemption[], nextKey: page.nextKey };
    },

    /** The redemptions as they are now (strongly consistent), to decide again after a refused transaction. */
    async redemptionsNow(redemptionIds: readonly string[]): Promise<Redemption[]> {
      const items = await batchGetAll(table, redemptionIds.map(redemptionKeys.item));
      return items.map((item) => withoutKeys<Redemption>(item));
    },

    /**
     * Adds `redemptions` to the settlement and marks each with it, in one transaction: refused as a whole
     * if any was reversed or settled meanwhile (`redemptions`), or the settlement was closed (`settlement`).
     */
    addToSettlement(ref: SettlementRef, redemptions: readonly UnsettledRedemption[]) {
      const amount = redemptions.reduce((sum, redemption) => sum + redemption.amountCents, 0);
      const oldest = earliest(redemptions.map((redemption) => redemption.createdAt)) ?? '';
      return transactWrite(table, {
        settlement: {
          Update: {
            TableName: tableName,
            Key: settlementKeys.item(ref.settlementId),
            UpdateExpression:
              'SET #type = :type, settlementId = :id, runId = :run, merchantId = :merchant, gsi1pk = :byRun, gsi1sk = :merchant, gsi2pk = :byMerchant, gsi2sk = :byMerchantSort, oldestRedemptionAt = if_not_exists(oldestRedemptionAt, :oldest) ADD amountCents :amount, redemptions :count',
            ConditionExpression: 'attribute_not_exists(closedAt)',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':type': 'Settlement',
              ':id': ref.settlementId,
              ':run': ref.runId,
              ':merchant': ref.merchantId,
              ':byRun': settlementKeys.byRun(ref.runId),
              ':byMerchant': settlementKeys.byMerchant(ref.merchantId),
              ':byMerchantSort': settlementKeys.byMerchantSort(ref.runCreatedAt, ref.settlementId),
              ':oldest': oldest,
              ':amount': amount,
              ':count': redemptions.length,
            },
          },
        },
        redemptions: redemptions.map(
          (redemption): TransactItem => ({
            Update: {
              TableName: tableName,
              Key: redemptionKeys.item(redemption.redemptionId),
              UpdateExpression: 'SET settlementId = :id, gsi3pk = :settled',
              ConditionExpression:
                '#status = :active AND attribute_not_exists(settlementId) AND merchantId = :merchant',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':id': ref.settlementId,
                ':settled': redemptionKeys.settled(ref.settlementId),
                ':active': 'ACTIVE',
                ':merchant': ref.merchantId,
              },
            },
          }),
        ),
      });
    },

    getSettlement(settlementId: string): Promise<OpenSettlement | undefined> {
      return getRecord<OpenSettlement>(table, settlementKeys.item(settlementId));
    },

    /** Closes a settlement with the bank details it will be paid to (a later IBAN change never reaches it). */
    async close(
      settlementId: string,
      closing: { creditor: Creditor; remittanceReference: string; closedAt: string },
    ): Promise<boolean> {
      const result = await updateItem(table, {
        Key: settlementKeys.item(settlementId),
        UpdateExpression: 'SET creditor = :creditor, remittanceReference = :reference, closedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
        ExpressionAttributeValues: {
          ':creditor': closing.creditor,
          ':reference': closing.remittanceReference,
          ':at': closing.closedAt,
        },
      });
      return result.applied;
    },

    /** A run's settlements (a town has at most a few hundred shops). Strongly consistent reads follow. */
    async runSettlements(runId: string): Promise<OpenSettlement[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': settlementKeys.byRun(runId) },
      });
      // The index lags the table: the items themselves are read again, consistently.
      const fresh = await batchGetAll(
        table,
        items.map((item) => settlementKeys.item(String(item.settlementId))),
      );
      return fresh.map((item) => withoutKeys<OpenSettlement>(item));
    },

    /** A page of a shop's closed settlements, newest first. */
    async merchantSettlements(
      merchantId: string,
      request: PageRequest,
    ): Promise<{ items: OpenSettlement[]; nextCursor: string | null }> {
      const pk = settlementKeys.byMerchant(merchantId);
      const page = await listPage(
        table,
        {
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
        },
        request,
        { gsi2pk: pk },
        (item) => Boolean(item.closedAt),
      );
      return { items: page.items.map((item) => withoutKeys<OpenSettlement>(item)), nextCursor: page.nextCursor };
    },

    /** The purchases a settlement pays, oldest first, page by page (its statement lines). */
    async *settlementRedemptions(settlementId: string): AsyncGenerator<Redemption[]> {
      const query = {
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': redemptionKeys.settled(settlementId) },
      };
      for await (const page of pages(table, query)) yield page.map((item) => withoutKeys<Redemption>(item));
    },

    /** The payout date on each settlement of the paid run. */
    async recordPayout(settlementId: string, payoutDate: CalendarDate, paidAt: string): Promise<void> {
      await updateItem(table, {
        Key: settlementKeys.item(settlementId),
        UpdateExpression: 'SET payoutDate = if_not_exists(payoutDate, :date), paidAt = if_not_exists(paidAt, :at)',
        ConditionExpression: 'attribute_exists(closedAt)',
        ExpressionAttributeValues: { ':date': payoutDate, ':at': paidAt },
      });
    },
  };
}

export type SettlementStore = ReturnType<typeof createSettlementStore>;
