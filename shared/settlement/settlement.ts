/**
 * Settlement: what the town owes each shop for the purchases it took vouchers for, paid by one SEPA credit
 * transfer per shop and run. A run closes every unsettled redemption created before its cut-off; each shop's
 * share becomes one settlement, frozen with the shop's bank details as they were when it was closed.
 */
import type { CalendarDate } from '../time/calendar-date.ts';

/** The town's promise: each purchase is paid within this many days. */
export const PAYOUT_DAYS = 10;
/** Finance is reminded this many days before a run's payout deadline, then the admin is alerted. */
export const REMINDER_DAYS_BEFORE = 3;
export const ESCALATION_DAYS_BEFORE = 1;

export const SETTLEMENT_RUN_STATUSES = ['RUNNING', 'AWAITING_APPROVAL', 'PAID', 'EMPTY', 'FAILED'] as const;
export type SettlementRunStatus = (typeof SETTLEMENT_RUN_STATUSES)[number];

/** The account paid, as it stood when the settlement was closed (a later change never rewrites it). */
export interface Creditor {
  readonly name: string;
  /** Electronic format, checked by shared/iban. */
  readonly iban: string;
  readonly bic?: string;
  readonly address?: { readonly street: string; readonly postcode: string; readonly locality: string };
}

/** One shop's payout in one run. */
export interface Settlement {
  readonly settlementId: string;
  readonly runId: string;
  readonly merchantId: string;
  readonly amountCents: number;
  readonly redemptions: number;
  /** The oldest purchase paid by this settlement: its payout is due 10 days after it. */
  readonly oldestRedemptionAt: string;
  /** Belgian structured communication `+++ddd/dddd/ddddd+++`, derived from the settlement id. */
  readonly remittanceReference: string;
  readonly creditor: Creditor;
  readonly closedAt: string;
  /** The day the town's bank pays it (set when finance confirms the file went to the bank). */
  readonly payoutDate?: CalendarDate;
  readonly paidAt?: string;
}

/** A shop whose purchases could not be paid in this run, and why (they wait for the next run). */
export interface WaitingShop {
  readonly merchantId: string;
  readonly merchantName: string;
  readonly amountCents: number;
  readonly redemptions: number;
  readonly reason: 'NO_IBAN';
}

/** The debtor of every payment file: the town's own account (configuration). */
export interface TownAccount {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
}

/** One line of the statement: a purchase paid by a settlement (no voucher code, no personal data). */
export interface StatementLine {
  readonly settlementId: string;
  readonly merchantId: string;
  readonly merchantName: string;
  readonly redemptionId: string;
  /** ISO 8601 instant of the purchase. */
  readonly createdAt: string;
  readonly amountCents: number;
  /** A reference of the voucher that is not its code (shared/vouchers/voucher.ts voucherReference). */
  readonly voucherReference: string;
}
