/**
 * Belgian national register numbers (NISS / rijksregisternummer) and BIS numbers, YYMMDD SSS CC: checked,
 * and read for the birth date they encode. Sources: IBZ instruction IT000, BCSS/KSZ for BIS numbers.
 */
import type { CalendarDate } from '../time/calendar-date.ts';
import { daysInMonth, toCalendarDate } from './birth-date.ts';
import {
  FRENCH_REGISTER_MESSAGES,
  type RegisterIssueCode,
  type RegisterIssueParams,
  type RegisterMessages,
  rowIssue,
} from './register-messages.ts';

declare const nationalNumberBrand: unique symbol;
/** Exactly 11 digits, check digits verified. */
export type NationalNumber = string & { readonly [nationalNumberBrand]: true };

/**
 * BIS numbers (people known to social security but not, or not yet, in the register) add 20 to the month
 * when the sex was unknown when the number was given, 40 when it was known.
 */
export type NationalNumberKind = 'NATIONAL_REGISTER' | 'BIS';

/**
 * What the number says about the birth date. It is not always the whole date:
 * - month 00: the birth month was unknown, or more than ~500 people of the same sex born that day had
 *   already been numbered (the counter then restarts on month/day 00, and the sixth digit may be bumped):
 *   only the year is meaningful, whatever the day digits say;
 * - day 00: the day was unknown;
 * - 00 00 01 (fictitious 1900/2000-00-01): nothing was known, not even the year.
 */
export type EncodedBirthDate =
  | { readonly precision: 'DAY'; readonly year: number; readonly month: number; readonly date: CalendarDate }
  | { readonly precision: 'MONTH'; readonly year: number; readonly month: number }
  | { readonly precision: 'YEAR'; readonly year: number }
  | { readonly precision: 'NONE' };

export type NationalNumberIssueCode = Extract<RegisterIssueCode, `NATIONAL_NUMBER_${string}`>;

export type NationalNumberCheck =
  | {
      readonly ok: true;
      readonly value: NationalNumber;
      readonly kind: NationalNumberKind;
      readonly birth: EncodedBirthDate;
    }
  | { readonly ok: false; readonly code: NationalNumberIssueCode; readonly reason: string };

/**
 * The two check digits for nine digits `YYMMDDSSS`: 97 - (YYMMDDSSS mod 97), computed on 2YYMMDDSSS for
 * births from 2000 on. The number has no century digit: which formula matches is what tells the century.
 */
export function checkDigitsFor(nineDigits: string, century: 1900 | 2000): string {
  const base = Number(nineDigits) + (century === 2000 ? 2_000_000_000 : 0);
  return String(97 - (base % 97)).padStart(2, '0');
}

// Separators people and exports use: `85.07.30-033.28`, `85 07 30 033 28` (\s covers non-breaking spaces).
const SEPARATORS = /[\s.-]/g;
// A spreadsheet that turned the column into numbers shows `8,5073E+10`: the digits are gone for good.
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

function failure<C extends NationalNumberIssueCode>(
  messages: RegisterMessages,
  code: C,
  params: RegisterIssueParams[C],
): NationalNumberCheck {
  return { ok: false, code, reason: rowIssue(messages, code, params).reason };
}

/** Checks a national register or BIS number and decodes the birth date it carries. */
export function checkNationalNumber(
  input: string,
  messages: RegisterMessages = FRENCH_REGISTER_MESSAGES,
): NationalNumberCheck {
  const trimmed = input.trim();
  if (trimmed === '') return failure(messages, 'NATIONAL_NUMBER_MISSING', {});
  if (SCIENTIFIC.test(trimmed)) return failure(messages, 'NATIONAL_NUMBER_FORMAT', { digits: 0, scientific: true });
  const digits = trimmed.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) {
    return failure(messages, 'NATIONAL_NUMBER_FORMAT', { digits: digits.replace(/\D/g, '').length, scientific: false });
  }
  // Ten bare digits: a spreadsheet dropped the leading zero of someone born in 2000-2009 (the very
  // children a youth scheme is for). Putting it back is safe because the check digits must then agree.
  if (digits.length === 10 && /^\d{10}$/.test(trimmed)) {
    const restored = decode(`0${digits}`, messages);
    return restored.ok ? restored : failure(messages, 'NATIONAL_NUMBER_FORMAT', { digits: 10, scientific: false });
  }
  if (digits.length !== 11)
    return failure(messages, 'NATIONAL_NUMBER_FORMAT', { digits: digits.length, scientific: false });
  return decode(digits, messages);
}

function decode(digits: string, messages: RegisterMessages): NationalNumberCheck {
  const nine = digits.slice(0, 9);
  const check = digits.slice(9);
  // 2_000_000_000 mod 97 = 68, never 0, so at most one century can match.
  const century = checkDigitsFor(nine, 1900) === check ? 1900 : checkDigitsFor(nine, 2000) === check ? 2000 : null;
  if (century === null) return failure(messages, 'NATIONAL_NUMBER_CHECK_DIGITS', {});

  const yy = Number(digits.slice(0, 2));
  const rawMonth = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  let kind: NationalNumberKind;
  let month: number;
  if (rawMonth <= 12) [kind, month] = ['NATIONAL_REGISTER', rawMonth];
  else if (rawMonth >= 20 && rawMonth <= 32) [kind, month] = ['BIS', rawMonth - 20];
  else if (rawMonth >= 40 && rawMonth <= 52) [kind, month] = ['BIS', rawMonth - 40];
  else return failure(messages, 'NATIONAL_NUMBER_DATE', {});

  const year = century + yy;
  let birth: EncodedBirthDate;
  if (yy === 0 && month === 0 && dd === 1) birth = { precision: 'NONE' };
  else if (month === 0) birth = { precision: 'YEAR', year };
  else if (dd === 0) birth = { precision: 'MONTH', year, month };
  else if (dd <= daysInMonth(year, month))
    birth = { precision: 'DAY', year, month, date: toCalendarDate(year, month, dd) };
  else return failure(messages, 'NATIONAL_NUMBER_DATE', {});

  // Day counters run 001-997 (men, odd) and 002-998 (women, even): 000 and 999 are never given, and
  // refusing them catches placeholders such as 00000000097, whose check digits happen to be right.
  const sequence = digits.slice(6, 9);
  if (sequence === '000' || sequence === '999') return failure(messages, 'NATIONAL_NUMBER_SEQUENCE', { sequence });

  return { ok: true, value: digits as NationalNumber, kind, birth };
}

/** `85.07.30-033.28`, the way the number is printed on identity cards. */
export function formatNationalNumber(value: NationalNumber): string {
  return `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-${value.slice(6, 9)}.${value.slice(9)}`;
}

/** Whether a birth date agrees with what the number encodes (only the parts it does encode). */
export function birthDateMatches(encoded: EncodedBirthDate, date: CalendarDate): boolean {
  switch (encoded.precision) {
    case 'NONE':
      return true;
    case 'YEAR':
      return Number(date.slice(0, 4)) === encoded.year;
    case 'MONTH':
      return Number(date.slice(0, 4)) === encoded.year && Number(date.slice(5, 7)) === encoded.month;
    case 'DAY':
      return date === encoded.date;
  }
}

/** The encoded date the way a clerk reads it: `30/07/1985`, `07/1985` or `1985`. */
export function formatEncodedBirthDate(encoded: EncodedBirthDate): string {
  switch (encoded.precision) {
    case 'NONE':
      return '?';
    case 'YEAR':
      return String(encoded.year);
    case 'MONTH':
      return `${String(encoded.month).padStart(2, '0')}/${encoded.year}`;
    case 'DAY':
      return `${encoded.date.slice(8, 10)}/${encoded.date.slice(5, 7)}/${encoded.year}`;
  }
}
