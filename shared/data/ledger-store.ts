/**
 * The ledger's writes (redeem, reverse, void-and-reissue) as single DynamoDB transactions, and its reads.
 * Each transaction repeats the rules of shared/ledger as conditions, and pins the voucher's balance to the
 * value the decision was made on (optimistic concurrency), so the balances and audit figures written are
 * exact under any concurrency. The caller decides; this module only writes what was decided, or says no.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../ledger/audit-event.ts';
import type { Redemption } from '../ledger/redemption.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { campaignKeys, enrolmentKeys, merchantKeys, redemptionKeys, voucherKeys } from './keys.ts';
import { auditItem, putNew, redemptionItem, voucherItem } from './ledger-items.ts';
import { queryAll, type TableContext, withoutKeys } from './table.ts';
import { type TransactItem, type TransactionOutcome, transactWrite } from './transactions.ts';

export interface LedgerWrite {
  readonly audit: readonly AuditEvent[];
  /** The idempotency record of the request (createIdempotencyStore().recordItem). */
  readonly idempotencyRecord: TransactItem;
}

/** Which write failed, for the caller's next move (replay the stored answer, or decide again). */
export interface LedgerOutcome extends TransactionOutcome {
  readonly idempotencyTaken: boolean;
  /** The voucher as it is now, when the write was refused because it had changed since it was read. */
  readonly currentVoucher?: Voucher;
}

export function createLedgerStore(table: TableContext) {
  const { tableName } = table;

  /** Voucher balance pinned to what the decision saw; it must still be ACTIVE. */
  const voucherBalanceUpdate = (voucher: Voucher, balanceAfterCents: number): TransactItem => ({
    Update: {
      TableName: tableName,
      Key: voucherKeys.item(voucher.voucherId),
      UpdateExpression: 'SET balanceCents = :after',
      ConditionExpression: '#status = :active AND balanceCents = :before',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':after': balanceAfterCents, ':before': voucher.balanceCents, ':active': 'ACTIVE' },
      // When another redemption got there first, the refusal carries the new balance: no read needed.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  });

  /** The change's own items, then its audit events, then the idempotency record (always last). */
  const withCommon = (items: TransactItem[], common: LedgerWrite): TransactItem[] => [
    ...items,
    ...common.audit.map((event) => putNew(tableName, auditItem(event))),
    common.idempotencyRecord,
  ];

  /** Runs the transaction; `voucherIndex` is the position of the voucher's update among `all`. */
  const write = async (all: TransactItem[], voucherIndex: number): Promise<LedgerOutcome> => {
    const outcome = await transactWrite(table, all);
    const current = outcome.currentItems.get(voucherIndex);
    return {
      ...outcome,
      idempotencyTaken: outcome.failedItems.includes(all.length - 1),
      ...(current ? { currentVoucher: withoutKeys<Voucher>(current) } : {}),
    };
  };

  type RedeemInput = { voucher: Voucher; redemption: Redemption; today: CalendarDate } & LedgerWrite;

  /** The redemption transaction's items (exposed so the benchmark's raw baseline is exactly this shape). */
  const redeemItems = (input: RedeemInput): TransactItem[] => {
    const { voucher, redemption, today } = input;
    return withCommon(
      [
        voucherBalanceUpdate(voucher, redemption.balanceAfterCents),
        {
          ConditionCheck: {
            TableName: tableName,
            Key: merchantKeys.item(redemption.merchantId),
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':active': 'ACTIVE' },
          },
        },
        {
          // The shop's enrolment carries a copy of the campaign's dates (see enrolmentKeys).
          ConditionCheck: {
            TableName: tableName,
            Key: enrolmentKeys.item(redemption.merchantId, voucher.campaignId),
            ConditionExpression: 'campaignStartDate <= :today AND campaignEndDate >= :today',
            ExpressionAttributeValues: { ':today': today },
          },
        },
        putNew(tableName, redemptionItem(redemption)),
      ],
      input,
    );
  };

  return {
    redeemItems,

    redeem: (input: RedeemInput): Promise<LedgerOutcome> => write(redeemItems(input), 0),

    async reverse(
      input: {
        voucher: Voucher;
        redemption: Redemption;
        reversalId: string;
        reversedAt: string;
        balanceAfterCents: number;
      } & LedgerWrite,
    ): Promise<LedgerOutcome> {
      const { voucher, redemption } = input;
      return write(
        withCommon(
          [
            {
              Update: {
                TableName: tableName,
                Key: redemptionKeys.item(redemption.redemptionId),
                // Leaves the sparse "unsettled" index: a cancelled purchase is never paid out.
                UpdateExpression:
                  'SET #status = :reversed, reversalId = :reversalId, reversedAt = :at REMOVE gsi3pk, gsi3sk',
                ConditionExpression:
                  '#status = :active AND attribute_not_exists(settlementId) AND merchantId = :merchant',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':reversed': 'REVERSED',
                  ':active': 'ACTIVE',
                  ':reversalId': input.reversalId,
                  ':at': input.reversedAt,
                  ':merchant': redemption.merchantId,
                },
              },
            },
            voucherBalanceUpdate(voucher, input.balanceAfterCents),
          ],
          input,
        ),
        1,
      );
    },

    /** Voids `voucher` (its balance drops to 0) and creates `replacement` holding that balance. */
    async voidAndReissue(
      input: { voucher: Voucher; replacement: Voucher; voidedAt: string } & LedgerWrite,
    ): Promise<LedgerOutcome> {
      const { voucher, replacement } = input;
      return write(
        withCommon(
          [
            {
              Update: {
                TableName: tableName,
                Key: voucherKeys.item(voucher.voucherId),
                UpdateExpression:
                  'SET #status = :voided, balanceCents = :zero, replacedByVoucherId = :replacement, voidedAt = :at, gsi1pk = :voidedPartition',
                ConditionExpression: '#status = :active AND balanceCents = :before',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':voided': 'VOIDED',
                  ':active': 'ACTIVE',
                  ':zero': 0,
                  ':before': voucher.balanceCents,
                  ':replacement': replacement.voucherId,
                  ':at': input.voidedAt,
                  ':voidedPartition': voucherKeys.byCampaignStatus(voucher.campaignId, 'VOIDED'),
                },
              },
            },
            putNew(tableName, voucherItem(replacement)),
            {
              // The person's one-voucher claim now points at the replacement.
              Update: {
                TableName: tableName,
                Key: campaignKeys.beneficiary(voucher.campaignId, voucher.beneficiaryRef),
                UpdateExpression: 'SET voucherId = :replacement',
                ConditionExpression: 'voucherId = :old',
                ExpressionAttributeValues: { ':replacement': replacement.voucherId, ':old': voucher.voucherId },
              },
            },
          ],
          input,
        ),
        0,
      );
    },

    async getRedemption(redemptionId: string): Promise<Redemption | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: tableName, Key: redemptionKeys.item(redemptionId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<Redemption>(result.Item) : undefined;
    },

    /** A shop's redemptions of the Brussels days from..to (inclusive), newest first. */
    async merchantRedemptions(merchantId: string, from: CalendarDate, to: CalendarDate): Promise<Redemption[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': redemptionKeys.byMerchant(merchantId),
          ':from': `${from}#`,
          ':to': `${to}#~`,
        },
        ScanIndexForward: false,
      });
      return items.map((item) => withoutKeys<Redemption>(item));
    },

    /** Every redemption of a voucher, oldest first (index: eventually consistent). */
    async voucherRedemptions(voucherId: string): Promise<Redemption[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
        ExpressionAttributeValues: { ':pk': redemptionKeys.byVoucher(voucherId), ':prefix': 'REDEMPTION#' },
      });
      return items.map((item) => withoutKeys<Redemption>(item));
    },
  };
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
