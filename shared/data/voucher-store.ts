/** Reads vouchers and issues new ones (voucher, one-per-person claim, budget counter and audit in one transaction). */
import type { AuditEvent } from '../ledger/audit-event.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { auditItem } from './audit-store.ts';
import { campaignKeys, voucherKeys } from './keys.ts';
import { getRecord, type Item, queryAll, type TableContext, withoutKeys } from './table.ts';
import { putNew, type TransactItem, transactWrite } from './transactions.ts';

export type IssueOutcome = 'ISSUED' | 'ALREADY_HOLDS_ONE' | 'BUDGET_EXHAUSTED' | 'CODE_COLLISION';

export function voucherItem(voucher: Voucher): Item {
  return {
    ...voucherKeys.item(voucher.voucherId),
    type: 'Voucher',
    gsi1pk: voucherKeys.byCampaignStatus(voucher.campaignId, voucher.status),
    gsi1sk: voucherKeys.byCampaignStatusSort(voucher.issuedAt, voucher.voucherId),
    gsi2pk: voucherKeys.byHousehold(voucher.campaignId, voucher.householdRef),
    gsi2sk: voucherKeys.byHouseholdSort(voucher.voucherId),
    ...voucher,
  };
}

export function createVoucherStore(table: TableContext) {
  const { tableName } = table;

  /** The issuing transaction's parts (exposed so the benchmark's raw baseline writes exactly these). */
  const issueParts = (voucher: Voucher, budgetCents: number, audit: AuditEvent) => ({
    voucher: putNew(tableName, voucherItem(voucher)),
    claim: putNew(tableName, {
      ...campaignKeys.beneficiary(voucher.campaignId, voucher.beneficiaryRef),
      type: 'BeneficiaryClaim',
      voucherId: voucher.voucherId,
      claimedAt: voucher.issuedAt,
      // Which request issued it (an issuance run's id): a run resuming after its worker died counts as its
      // own the vouchers that worker issued before its last checkpoint.
      issuedBy: audit.requestId,
    }),
    budget: {
      Update: {
        TableName: tableName,
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
    } satisfies TransactItem,
    audit: putNew(tableName, auditItem(audit)),
  });

  return {
    issueParts,

    /** A household's vouchers in a campaign (replacements included; the index is eventually consistent). */
    async ofHousehold(campaignId: string, householdRef: string): Promise<Voucher[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': voucherKeys.byHousehold(campaignId, householdRef) },
      });
      return items.map((item) => withoutKeys<Voucher>(item));
    },

    get(voucherId: string): Promise<Voucher | undefined> {
      return getRecord<Voucher>(table, voucherKeys.item(voucherId));
    },

    /**
     * Issues one voucher. The database enforces both rules, whatever runs concurrently: a person holds at
     * most one voucher per campaign (a conditional put of the claim), and the campaign's issued face value
     * never exceeds its budget (a conditional update of its counter).
     */
    async issue(voucher: Voucher, budgetCents: number, audit: AuditEvent): Promise<IssueOutcome> {
      const outcome = await transactWrite(table, issueParts(voucher, budgetCents, audit));
      if (outcome.committed) return 'ISSUED';
      if (outcome.failed('claim')) return 'ALREADY_HOLDS_ONE';
      if (outcome.failed('budget')) return 'BUDGET_EXHAUSTED';
      return 'CODE_COLLISION';
    },
  };
}

export type VoucherStore = ReturnType<typeof createVoucherStore>;
