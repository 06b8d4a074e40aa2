/**
 * A shop's settlements: its unsettled purchases are added to its settlement a transaction at a time, each
 * marked with it in that very transaction (leaving the "unsettled" index for the settlement's own lines);
 * then the settlement is closed with the bank details it is paid to, and its payout recorded.
 */
import type { Redemption } from '../ledger/redemption.ts';
import type { Creditor, Settlement } from '../settlement/settlement.ts';
import { earliest } from '../settlement/settlement-run.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { redemptionKeys, settlementKeys } from './keys.ts';
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
import { type TransactItem, transactWrite } from './transactions.ts';

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

export function createShopSettlementStore(table: TableContext) {
  const { tableName } = table;
  return {
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
