/**
 * DESIGN.md invariant 2, checked on everything a private target's table holds: a redemption is in at most
 * one settlement (exactly one once its run is through), and each settlement's sum is its redemptions' sum.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../shared/data/table.ts';
import type { Redemption } from '../../shared/ledger/redemption.ts';
import type { Merchant } from '../../shared/merchants/merchant.ts';
import type { SettlementRun } from '../../shared/settlement/settlement-run.ts';

export interface StoredSettlement {
  readonly settlementId: string;
  readonly runId: string;
  readonly merchantId: string;
  readonly amountCents: number;
  readonly redemptions: number;
  readonly closedAt?: string;
}

export interface LedgerState {
  readonly redemptions: readonly Redemption[];
  readonly settlements: readonly StoredSettlement[];
  readonly runs: readonly SettlementRun[];
  readonly merchants: readonly Merchant[];
}

/** Every redemption, settlement, run and shop of the table (a test's table: small enough to scan). */
export async function ledgerState(table: TableContext): Promise<LedgerState> {
  const byType = new Map<string, Record<string, unknown>[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      const type = String(item.type);
      byType.set(type, [...(byType.get(type) ?? []), item]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return {
    redemptions: (byType.get('Redemption') ?? []) as unknown as Redemption[],
    settlements: (byType.get('Settlement') ?? []) as unknown as StoredSettlement[],
    runs: (byType.get('SettlementRun') ?? []) as unknown as SettlementRun[],
    merchants: (byType.get('Merchant') ?? []) as unknown as Merchant[],
  };
}

/**
 * What breaks invariant 2, in words (empty when it holds). `complete` with a `cutoff`: a run through that
 * cut-off has finished closing, so every payable purchase made before it must be in a settlement.
 */
export function settlementInvariantProblems(
  state: LedgerState,
  expectation: { complete: false } | { complete: true; cutoff: string },
): string[] {
  const problems: string[] = [];
  const settlements = new Map(state.settlements.map((settlement) => [settlement.settlementId, settlement]));
  const sums = new Map<string, { amount: number; count: number }>();
  for (const redemption of state.redemptions) {
    if (!redemption.settlementId) continue;
    if (redemption.status !== 'ACTIVE') problems.push(`${redemption.redemptionId} is ${redemption.status} yet settled`);
    const settlement = settlements.get(redemption.settlementId);
    if (!settlement) {
      problems.push(`${redemption.redemptionId} names settlement ${redemption.settlementId}, which does not exist`);
      continue;
    }
    if (settlement.merchantId !== redemption.merchantId) {
      problems.push(
        `${redemption.redemptionId} of ${redemption.merchantId} is in ${settlement.merchantId}'s settlement`,
      );
    }
    const sum = sums.get(redemption.settlementId) ?? { amount: 0, count: 0 };
    sums.set(redemption.settlementId, { amount: sum.amount + redemption.amountCents, count: sum.count + 1 });
  }
  for (const settlement of state.settlements) {
    const sum = sums.get(settlement.settlementId) ?? { amount: 0, count: 0 };
    if (sum.amount !== settlement.amountCents || sum.count !== settlement.redemptions) {
      problems.push(
        `settlement ${settlement.settlementId} says ${settlement.amountCents} for ${settlement.redemptions}, its redemptions ${sum.amount} for ${sum.count}`,
      );
    }
  }
  for (const run of state.runs) {
    if (run.status !== 'AWAITING_APPROVAL' && run.status !== 'PAID') continue;
    const own = state.settlements.filter((settlement) => settlement.runId === run.runId);
    const total = own.reduce((sum, settlement) => sum + settlement.amountCents, 0);
    if (run.totalCents !== total) problems.push(`run ${run.runId} totals ${run.totalCents}, its settlements ${total}`);
    for (const settlement of own) {
      if (!settlement.closedAt) problems.push(`run ${run.runId} awaits approval with ${settlement.settlementId} open`);
    }
  }
  if (expectation.complete) {
    const payable = new Set(state.merchants.filter((merchant) => merchant.iban).map((merchant) => merchant.merchantId));
    for (const redemption of state.redemptions) {
      if (redemption.status !== 'ACTIVE' || redemption.createdAt >= expectation.cutoff) continue;
      if (payable.has(redemption.merchantId) && !redemption.settlementId) {
        problems.push(
          `${redemption.redemptionId} (${redemption.amountCents}) of ${redemption.merchantId} was lost: not settled`,
        );
      }
      if (!payable.has(redemption.merchantId) && redemption.settlementId) {
        problems.push(`${redemption.redemptionId} of a shop without an IBAN was settled`);
      }
    }
  }
  return problems;
}
