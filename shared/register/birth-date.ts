/**
 * Birth dates as registers write them (`31/12/2010`, `31.12.2010`, `2010-12-31`), read into CalendarDate.
 * A date that does not exist (31/02) is told apart from text that is not a date, so the clerk knows which.
 */
import type { CalendarDate } from '../time/calendar-date.ts';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function toCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type BirthDateReading =
  | { readonly ok: true; readonly date: CalendarDate }
  | { readonly ok: false; readonly problem: 'MISSING' | 'FORMAT' | 'IMPOSSIBLE' };

// Day and month may lose their leading zero when a spreadsheet rewrites the column (1/3/2010), but the
// year must have four digits: `01/03/10` could be 1910 or 2010, and guessing a birth year is not our call.
// The same separator twice, so `12/03.2010` is refused rather than guessed.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `dd/mm/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy` or `yyyy-mm-dd`. */
export function readBirthDate(text: string): BirthDateReading {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'MISSING' };
  let year: number;
  let month: number;
  let day: number;
  const dayFirst = DAY_FIRST.exec(value);
  const iso = dayFirst ? null : ISO.exec(value);
  if (dayFirst) {
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return { ok: false, problem: 'FORMAT' };
  }
  if (!isRealDate(year, month, day) || year < 1800) return { ok: false, problem: 'IMPOSSIBLE' };
  return { ok: true, date: toCalendarDate(year, month, day) };
}
