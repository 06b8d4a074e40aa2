/**
 * Calendar dates (`YYYY-MM-DD`) as the town lives them: in Europe/Brussels, whatever the server's zone.
 * A campaign "open until 31/03" is open until midnight in Brussels, not in UTC.
 * Browser-safe and free of zod, so the pages can use it without the weight of a schema library.
 */

export const TOWN_TIME_ZONE = 'Europe/Brussels';

/** `YYYY-MM-DD` in Europe/Brussels (validated at the API's edge by calendar-date-schema.ts). */
export type CalendarDate = string;

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOWN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Brussels at `instant`. */
export function brusselsDateOf(instant: Date): CalendarDate {
  return brusselsDate.format(instant);
}

/** Adds whole days to a calendar date (no time zone involved: pure calendar arithmetic). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}

/** `31/03/2027`, the way dates are written on letters and pages. */
export function formatFrenchDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it (every answer has two).
const brusselsParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TOWN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** ISO 8601 with the Brussels offset, e.g. `2026-11-26T18:04:05+01:00`: what the API returns for times. */
export function brusselsTimestamp(instant: Date): string {
  const parts = Object.fromEntries(brusselsParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  const millis = instant.getUTCMilliseconds().toString().padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${millis}${offset}`;
}

const brusselsClock = new Intl.DateTimeFormat('fr-BE', {
  timeZone: TOWN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `14:05` in Brussels, from an ISO 8601 instant (with any offset) or a Date. */
export function formatBrusselsTime(instant: string | Date): string {
  return brusselsClock.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The instant when Brussels clocks show `hour:minute` on `date` (DST-correct: a time the autumn change
 * repeats is its first occurrence; one the spring change skips is read with the winter offset).
 */
export function brusselsWallTime(date: CalendarDate, hour = 0, minute = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const shown = brusselsTimestamp(candidate);
    if (shown.startsWith(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`)) {
      return candidate;
    }
  }
  return new Date(wall - 3_600_000);
}
