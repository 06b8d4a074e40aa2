/**
 * What the ledger use cases need from their surroundings: the table, the voucher code key, a clock and a
 * place to count events. Handlers build it once per cold start; tests and the seed build it the same way.
 */
import type { TableContext } from '../data/table.ts';

export type LedgerMetric =
  | 'VoucherLookupMiss'
  | 'VoucherLookupThrottled'
  | 'RedemptionAccepted'
  | 'RedemptionRefused'
  | 'RedemptionReplayed'
  | 'RedeemedCents'
  | 'ReversalAccepted'
  | 'TransactionConflicts';

export interface LedgerDependencies {
  readonly table: TableContext;
  /** HMAC key of voucher codes (shared/vouchers/code-hash.ts). */
  readonly codeKey: Buffer;
  readonly now: () => Date;
  readonly metric?: (name: LedgerMetric, value?: number) => void;
}
