/**
 * Where a redemption is decided: may this shop take this amount from this voucher today? Pure rules,
 * checked in a fixed order so the answer names the most useful problem first. The data layer repeats the
 * same rules as conditions of the DynamoDB transaction, which is what makes them hold under concurrency;
 * this function gives the precise error before (and after) a refused write.
 */
import { DomainError } from '../errors/domain-error.ts';
import type { Enrolment, Merchant } from '../merchants/merchant.ts';
import { formatEuros } from '../money/money.ts';
import { type CalendarDate, formatFrenchDate } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';

export interface RedemptionFacts {
  readonly voucher: Voucher;
  readonly merchant: Pick<Merchant, 'merchantId' | 'status'> | undefined;
  /**
   * The shop's enrolment in the voucher's campaign, absent when it is not enrolled. Its copy of the
   * campaign's dates is what the transaction checks, so the decision uses the same one.
   */
  readonly enrolment: Pick<Enrolment, 'campaignStartDate' | 'campaignEndDate'> | undefined;
  readonly amountCents: number;
  readonly today: CalendarDate;
}

/** Amount rules: whole cents, more than zero. (Not more than the balance is checked with the voucher.) */
export function assertValidAmount(amountCents: unknown): asserts amountCents is number {
  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new DomainError(
      'AMOUNT_INVALID',
      'The amount must be a whole number of cents greater than zero (e.g. 1250 for 12,50 €).',
    );
  }
}

/** Returns the balance after the redemption, or throws the DomainError that explains the refusal. */
export function decideRedemption(facts: RedemptionFacts): { balanceAfterCents: number } {
  const { voucher, merchant, enrolment, amountCents, today } = facts;
  assertValidAmount(amountCents);
  if (merchant?.status !== 'ACTIVE' || !enrolment) {
    throw new DomainError('MERCHANT_INACTIVE', 'This shop may not accept vouchers of this campaign. Contact the town.');
  }
  if (voucher.status === 'VOIDED') {
    throw new DomainError('VOUCHER_VOIDED', 'This voucher was cancelled and replaced: it can no longer be used.');
  }
  if (today > enrolment.campaignEndDate) {
    throw new DomainError(
      'VOUCHER_EXPIRED',
      `This voucher was valid until ${formatFrenchDate(enrolment.campaignEndDate)}.`,
      {
        validUntil: enrolment.campaignEndDate,
      },
    );
  }
  if (today < enrolment.campaignStartDate) {
    throw new DomainError(
      'CAMPAIGN_NOT_OPEN',
      `Vouchers can be used from ${formatFrenchDate(enrolment.campaignStartDate)}.`,
      {
        validFrom: enrolment.campaignStartDate,
      },
    );
  }
  if (amountCents > voucher.balanceCents) {
    throw new DomainError(
      'INSUFFICIENT_BALANCE',
      `The voucher has ${formatEuros(voucher.balanceCents)} left, less than ${formatEuros(amountCents)}.`,
      { balanceCents: voucher.balanceCents },
    );
  }
  return { balanceAfterCents: voucher.balanceCents - amountCents };
}
