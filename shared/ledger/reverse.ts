/**
 * Whether a shop may still cancel one of its redemptions: its own, not yet cancelled, not settled, within
 * the campaign's window, and its voucher not voided since (the balance would have nowhere to go).
 */
import { DomainError } from '../errors/domain-error.ts';
import { addDays, brusselsDateOf } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import type { Redemption } from './redemption.ts';

/** The last instant a redemption can be cancelled. */
export function reversalDeadline(
  redemption: Pick<Redemption, 'createdAt' | 'businessDate'>,
  windowHours?: number,
): Date {
  if (windowHours !== undefined) return new Date(new Date(redemption.createdAt).getTime() + windowHours * 3_600_000);
  // Midnight in Brussels after the business day: find the first instant whose Brussels date is the next day.
  const nextDay = addDays(redemption.businessDate, 1);
  const created = new Date(redemption.createdAt).getTime();
  let low = created;
  let high = created + 26 * 3_600_000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (brusselsDateOf(new Date(middle)) >= nextDay) high = middle;
    else low = middle;
  }
  return new Date(low);
}

export interface ReversalFacts {
  readonly redemption: Redemption | undefined;
  readonly voucher: Voucher | undefined;
  readonly merchantId: string;
  readonly windowHours: number | undefined;
  readonly now: Date;
}

export function decideReversal(facts: ReversalFacts): {
  redemption: Redemption;
  voucher: Voucher;
  balanceAfterCents: number;
} {
  const { redemption, voucher } = facts;
  // Another shop's redemption does not exist, as far as this shop can tell.
  if (!redemption || redemption.merchantId !== facts.merchantId || !voucher) {
    throw new DomainError('NOT_FOUND', 'There is no such redemption for this shop.');
  }
  if (redemption.status === 'REVERSED') {
    throw new DomainError('ALREADY_REVERSED', 'This redemption was already cancelled.');
  }
  if (redemption.settlementId) {
    throw new DomainError(
      'ALREADY_SETTLED',
      'This redemption has already been paid out to the shop; the town can correct it.',
    );
  }
  if (facts.now.getTime() > reversalDeadline(redemption, facts.windowHours).getTime()) {
    throw new DomainError('REVERSAL_WINDOW_CLOSED', 'A redemption can only be cancelled on the day of the purchase.', {
      deadline: reversalDeadline(redemption, facts.windowHours).toISOString(),
    });
  }
  if (voucher.status === 'VOIDED') {
    throw new DomainError(
      'VOUCHER_VOIDED',
      'The voucher has been replaced since: the town must correct this redemption.',
    );
  }
  return { redemption, voucher, balanceAfterCents: voucher.balanceCents + redemption.amountCents };
}
