/** Reads vouchers and issues new ones (voucher, one-per-person claim, budget counter and audit in one transaction). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../ledger/audit-event.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { campaignKeys, voucherKeys } from './keys.ts';
import { auditItem, putNew, voucherItem } from './ledger-items.ts';
import type { TableContext } from './table.ts';
import { withoutKeys } from './table.ts';
import { transactWrite } from './transactions.ts';

export type IssueOutcome = 'ISSUED' | 'ALREADY_HOLDS_ONE' | 'BUDGET_EXHAUSTED' | 'CODE_COLLISION';

export function createVoucherStore(table: TableContext) {
  return {
    async get(voucherId: string): Promise<Voucher | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: voucherKeys.item(voucherId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<Voucher>(result.Item) : undefined;
    },

    /**
     * Issues one voucher. The database enforces both rules, whatever runs concurrently: a person holds at
     * most one voucher per campaign (a conditional put of the claim), and the campaign's issued face value
     * never exceeds its budget (a conditional update of its counter).
     */
    async issue(voucher: Voucher, budgetCents: number, audit: AuditEvent): Promise<IssueOutcome> {
      const outcome = await transactWrite(table, [
        putNew(table.tableName, voucherItem(voucher)),
        putNew(table.tableName, {
          ...campaignKeys.beneficiary(voucher.campaignId, voucher.beneficiaryRef),
          type: 'BeneficiaryClaim',
          voucherId: voucher.voucherId,
          claimedAt: voucher.issuedAt,
        }),
        {
          Update: {
            TableName: table.tableName,
            Key: campaignKeys.item(voucher.campaignId),
            UpdateExpression:
              'SET issuedValueCents = if_not_exists(issuedValueCents, :zero) + :face, issuedCount = if_not_exists(issuedCount, :zero) + :one',
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(issuedValueCents) OR issuedValueCents <= :maxBefore)',
            ExpressionAttributeValues: {
              ':zero': 0,
              ':one': 1,
              ':face': voucher.faceValueCents,
              ':maxBefore': budgetCents - voucher.faceValueCents,
            },
          },
        },
        putNew(table.tableName, auditItem(audit)),
      ]);
      if (outcome.committed) return 'ISSUED';
      if (outcome.failedItems.includes(1)) return 'ALREADY_HOLDS_ONE';
      if (outcome.failedItems.includes(2)) return 'BUDGET_EXHAUSTED';
      return 'CODE_COLLISION';
    },
  };
}

export type VoucherStore = ReturnType<typeof createVoucherStore>;
