/**
 * Money, dates, times and counts in the page's language, as Belgians write them (Intl, `fr-BE`, `nl-BE`,
 * `de-BE`): `12,50 €` / `€ 12,50` / `12,50 €`, `31/03/2027` / `31/03/2027` / `31.03.2027`, `14:05`.
 */
import { type Cents, formatDecimal } from '../../../shared/money/money.ts';
import { type CalendarDate, TOWN_TIME_ZONE } from '../../../shared/time/calendar-date.ts';
import { pageLocale } from './language.ts';

// One formatter per locale and kind: building one costs more than formatting with it.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, build: (locale: string) => T): T {
  const locale = pageLocale();
  const key = `${kind}:${locale}`;
  let found = cache.get(key);
  if (!found) {
    found = build(locale);
    cache.set(key, found);
  }
  return found as T;
}

/** Cents as euros; the decimal string (`1234.50`) goes to Intl as is, so no float rounding is involved. */
export function formatAmount(amount: Cents | number): string {
  return formatter('amount', (locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' })).format(
    formatDecimal(amount) as Intl.StringNumericLiteral,
  );
}

/** A calendar date (`YYYY-MM-DD`, a day in Brussels) with a four-digit year, as letters print it. */
export function formatDate(date: CalendarDate): string {
  return formatter(
    'date',
    (locale) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}

/** The Brussels wall-clock time of an instant (ISO 8601 with any offset, or a Date): `14:05`. */
export function formatTime(instant: string | Date): string {
  return formatter(
    'time',
    (locale) =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: TOWN_TIME_ZONE,
      }),
  ).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A whole number with the locale's grouping: `12 345` / `12.345`. */
export function formatCount(value: number): string {
  return formatter('count', (locale) => new Intl.NumberFormat(locale)).format(value);
}
