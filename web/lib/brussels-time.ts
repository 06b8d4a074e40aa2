/**
 * Dates and times as the pages show them, in Europe/Brussels whatever the phone's zone. The same rules as
 * shared/time/calendar-date.ts, which the pages cannot import: it also defines a zod schema, and zod would
 * add about 90 KB (gzip) to a page that only needs to print a date.
 */
const TOWN_TIME_ZONE = 'Europe/Brussels';

const isoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOWN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const clock = new Intl.DateTimeFormat('fr-BE', {
  timeZone: TOWN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `31/03/2027` from `2027-03-31`, the way dates are written on letters and pages. */
export function formatFrenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `14:05` in Brussels, from an ISO 8601 instant (with any offset) or a Date. */
export function formatBrusselsTime(instant: string | Date): string {
  return clock.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Today's date in Brussels, `YYYY-MM-DD`. */
export function brusselsToday(now: Date = new Date()): string {
  return isoDate.format(now);
}
