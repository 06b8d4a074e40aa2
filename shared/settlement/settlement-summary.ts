/**
 * What finance reads about one settlement run, in the PDF summary and the report e-mail: who is paid how
 * much, who waits and why, and by when the bank must have paid.
 */
import { sumCents } from '../money/money.ts';
import { brusselsDateOf, type CalendarDate, formatBrusselsTime, formatFrenchDate } from '../time/calendar-date.ts';
import type { SettlementTexts } from './i18n/texts.ts';
import type { Settlement, WaitingShop } from './settlement.ts';

/** A settlement with the shop's trading name (the creditor name is the account holder's, often different). */
export type NamedSettlement = Settlement & { readonly merchantName: string };

export interface SettlementTotals {
  readonly shopsPaid: number;
  readonly purchases: number;
  readonly amountCents: number;
}

export interface SettlementSummaryInput {
  readonly townName: string;
  readonly runId: string;
  /** ISO 8601 instant: the run closed purchases created before it. */
  readonly cutoff: string;
  /** ISO 8601 instant the run produced its documents. */
  readonly createdAt: string;
  /** The last day the shops may be paid (PAYOUT_DAYS after the oldest purchase). */
  readonly payoutDeadline: CalendarDate;
  readonly settlements: ReadonlyArray<NamedSettlement>;
  readonly waiting: ReadonlyArray<WaitingShop>;
  /** As the run recorded them; settlementTotals computes them from the settlements. */
  readonly totals: SettlementTotals;
}

export function settlementTotals(settlements: ReadonlyArray<Settlement>): SettlementTotals {
  return {
    shopsPaid: settlements.length,
    purchases: settlements.reduce((count, settlement) => count + settlement.redemptions, 0),
    amountCents: sumCents(settlements.map((settlement) => settlement.amountCents)),
  };
}

/** `26/11/2026 à 18:04` in Brussels, from an ISO instant. */
export function brusselsDateTime(instant: string, texts: SettlementTexts): string {
  const date = new Date(instant);
  return texts.dateTime(formatFrenchDate(brusselsDateOf(date)), formatBrusselsTime(date));
}

/** In the order a reader looks a shop up: by name, in the reader's language, `Shop 9` before `Shop 10`. */
export function byMerchantName<T extends { readonly merchantName: string }>(
  items: ReadonlyArray<T>,
  texts: SettlementTexts,
): T[] {
  return [...items].sort((a, b) =>
    a.merchantName.localeCompare(b.merchantName, texts.locale, { sensitivity: 'base', numeric: true }),
  );
}
