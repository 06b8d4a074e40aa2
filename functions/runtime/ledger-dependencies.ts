/**
 * The ledger dependencies of a handler, built once per cold start: the table, the voucher code key from
 * Secrets Manager, the clock and the CloudWatch metrics of the ledger.
 */
import type { LedgerDependencies } from '../../shared/services/ledger-dependencies.ts';
import { voucherCodeKey } from './code-key.ts';
import { MetricUnit, metrics } from './observability.ts';
import { tableFromEnvironment } from './table-access.ts';

export async function ledgerDependencies(): Promise<LedgerDependencies> {
  return {
    table: tableFromEnvironment(),
    codeKey: await voucherCodeKey(),
    now: () => new Date(),
    metric: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value),
  };
}
