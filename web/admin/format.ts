/** Numbers, money and dates in the page's language (money and French dates from shared/, as everywhere). */
import { formatEuros } from '../../shared/money/money.ts';
import { formatFrenchDate, TOWN_TIME_ZONE } from '../../shared/time/calendar-date.ts';
import { pageLanguage } from '../lib/i18n/index.ts';

const locale = () => `${pageLanguage()}-BE`;

export const euros = (cents: number): string => formatEuros(cents);

export function count(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function percent(part: number, whole: number): string {
  const share = whole > 0 ? part / whole : 0;
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** `YYYY-MM-DD` as letters and pages write it, `31/03/2027` (the same in Belgian Dutch). */
export const date = (calendarDate: string): string => formatFrenchDate(calendarDate);

/** `12 déc.` for chart axes. */
export function shortDate(calendarDate: string): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${calendarDate}T00:00:00Z`),
  );
}

/** An instant in Brussels time: `12/12/2026 14:05`. */
export function dateTime(instant: string): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: TOWN_TIME_ZONE,
  }).format(new Date(instant));
}

export function time(instant: string): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', timeZone: TOWN_TIME_ZONE }).format(new Date(instant));
}
