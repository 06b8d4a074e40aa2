/**
 * A settlement run's life and its clock: the default cut-off, the payout deadline (oldest purchase + 10
 * days), and when finance must be reminded and the admin alerted while the payment waits for approval.
 */
import { createHash } from 'node:crypto';
import { CROCKFORD_ALPHABET, toBase32 } from '../encoding/base32.ts';
import { addDays, brusselsDateOf, brusselsWallTime, type CalendarDate } from '../time/calendar-date.ts';
import {
  ESCALATION_DAYS_BEFORE,
  PAYOUT_DAYS,
  REMINDER_DAYS_BEFORE,
  type SettlementRunStatus,
  type WaitingShop,
} from './settlement.ts';

export interface SettlementRunFiles {
  readonly paymentFile: string;
  readonly statementCsv: string;
  readonly summaryPdf: string;
}

export interface SettlementRun {
  readonly runId: string;
  readonly status: SettlementRunStatus;
  readonly trigger: 'schedule' | 'finance';
  /** ISO instant: the run settles redemptions created strictly before it. */
  readonly cutoff: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** The execution working on the run, and until when its claim holds without a sign of life (epoch s). */
  readonly owner?: string;
  readonly leaseUntil?: number;
  /** Set once every shop is closed: what the documents and the timer work from. */
  readonly oldestRedemptionAt?: string;
  readonly payoutDeadline?: CalendarDate;
  readonly totalCents?: number;
  readonly settlementCount?: number;
  readonly redemptionCount?: number;
  readonly waiting?: readonly WaitingShop[];
  readonly files?: SettlementRunFiles;
  readonly requestedExecutionDate?: CalendarDate;
  readonly reportsSentAt?: string;
  readonly approvedAt?: string;
  readonly approvedBy?: string;
  readonly reminderSentAt?: string;
  readonly escalatedAt?: string;
  readonly paidAt?: string;
  readonly payoutDate?: CalendarDate;
  readonly error?: string;
}

/** The documents of a run, by the kind the API names them. */
export const SETTLEMENT_FILE_KINDS = ['payment-file', 'statement-csv', 'summary-pdf'] as const;
export type SettlementFileKind = (typeof SETTLEMENT_FILE_KINDS)[number];

export function settlementFileKeys(runId: string): SettlementRunFiles {
  const base = `settlements/${runId}/`;
  return {
    paymentFile: `${base}paiement-${runId}.xml`,
    statementCsv: `${base}releve-${runId}.csv`,
    summaryPdf: `${base}synthese-${runId}.pdf`,
  };
}

/** A run that stopped without finishing (crashed, or its execution vanished) is resumed, not replaced. */
export function isAbandoned(run: Pick<SettlementRun, 'status' | 'leaseUntil'>, now: Date): boolean {
  if (run.status === 'FAILED') return true;
  if (run.status !== 'RUNNING' && run.status !== 'AWAITING_APPROVAL') return false;
  return run.leaseUntil === undefined || run.leaseUntil * 1000 < now.getTime();
}

/** The default cut-off: the end of the previous Brussels day (midnight this morning, Brussels time). */
export function defaultCutoff(now: Date): Date {
  return brusselsWallTime(brusselsDateOf(now));
}

/**
 * The same run and shop always give the same settlement id, so a run resumed after a crash adds to the
 * settlement it had started instead of opening a second one.
 */
export function settlementIdFor(runId: string, merchantId: string): string {
  const digest = createHash('sha256').update(`settlement\n${runId}\n${merchantId}`).digest();
  return `S${toBase32(digest.subarray(0, 10), CROCKFORD_ALPHABET)}`;
}

/** The last day a purchase made at `oldest` may be paid. */
export function payoutDeadlineOf(oldest: string): CalendarDate {
  return addDays(brusselsDateOf(new Date(oldest)), PAYOUT_DAYS);
}

/** When finance is reminded, and when the admin is alerted: 08:00 Brussels, 3 days and 1 day ahead. */
export function approvalMilestones(payoutDeadline: CalendarDate): { remindAt: Date; escalateAt: Date; dueBy: Date } {
  return {
    remindAt: brusselsWallTime(addDays(payoutDeadline, -REMINDER_DAYS_BEFORE), 8),
    escalateAt: brusselsWallTime(addDays(payoutDeadline, -ESCALATION_DAYS_BEFORE), 8),
    // The bank must have paid by the end of the deadline day.
    dueBy: brusselsWallTime(addDays(payoutDeadline, 1)),
  };
}

export type ApprovalCheck =
  | { readonly action: 'PAY' }
  | {
      readonly action: 'WAIT';
      /** What to send now, in this order (each at most once per run). */
      readonly send: ReadonlyArray<'REMINDER' | 'ESCALATION'>;
      readonly overdue: boolean;
      readonly nextCheckAt: Date;
      readonly daysLeft: number;
    };

/**
 * What the approval loop does at `now`: pay once finance approved; otherwise send what is due and say when
 * to look again (at the next milestone, and at least every `pollSeconds`).
 */
export function checkApproval(
  run: Pick<SettlementRun, 'approvedAt' | 'payoutDeadline' | 'reminderSentAt' | 'escalatedAt'>,
  now: Date,
  pollSeconds: number,
): ApprovalCheck {
  if (run.approvedAt) return { action: 'PAY' };
  if (!run.payoutDeadline) throw new Error('A run awaiting approval has a payout deadline');
  const { remindAt, escalateAt, dueBy } = approvalMilestones(run.payoutDeadline);
  const send: Array<'REMINDER' | 'ESCALATION'> = [];
  if (!run.reminderSentAt && now >= remindAt) send.push('REMINDER');
  if (!run.escalatedAt && now >= escalateAt) send.push('ESCALATION');
  const upcoming = [remindAt, escalateAt, dueBy].map((instant) => instant.getTime()).filter((ms) => ms > now.getTime());
  const nextCheckAt = new Date(Math.min(now.getTime() + pollSeconds * 1000, ...upcoming));
  const daysLeft = Math.max(0, Math.ceil((dueBy.getTime() - now.getTime()) / 86_400_000));
  return { action: 'WAIT', send, overdue: now >= dueBy, nextCheckAt, daysLeft };
}

/** The earliest of ISO 8601 instants (UTC strings sort as time does). */
export function earliest(instants: readonly string[]): string | undefined {
  return [...instants].sort()[0];
}
