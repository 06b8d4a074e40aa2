// National register and BIS numbers: check digits for both centuries, encoded birth dates, refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCalendarDate } from '../../../shared/register/birth-date.ts';
import {
  birthDateMatches,
  checkDigitsFor,
  checkNationalNumber,
  formatNationalNumber,
  type NationalNumber,
} from '../../../shared/register/national-number.ts';
import { makeNationalNumber, nationalNumberArbitrary } from '../../fixtures/register/national-numbers.ts';

function valid(input: string) {
  const result = checkNationalNumber(input);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.code}: ${result.reason}`);
  return result;
}

describe('checkNationalNumber', () => {
  it('accepts a number born in the 1900s, with the separators people type', () => {
    for (const input of [
      '85073003328',
      '85.07.30-033.28',
      '85 07 30 033 28',
      ' 850730-033-28 ',
      '85.07.30\u00a0033.28',
    ]) {
      const result = valid(input);
      expect(result.value).toBe('85073003328');
      expect(result.kind).toBe('NATIONAL_REGISTER');
      expect(result.birth).toEqual({ precision: 'DAY', year: 1985, month: 7, date: '1985-07-30' });
    }
  });

  it('computes the check on 2 + the nine digits for births from 2000 on', () => {
    // 97 - (170730033 mod 97) = 55 would be the 1900s check; 97 - (2170730033 mod 97) = 84 is the right one.
    expect(checkDigitsFor('170730033', 1900)).toBe('55');
    expect(checkDigitsFor('170730033', 2000)).toBe('84');
    expect(valid('17073003384').birth).toEqual({ precision: 'DAY', year: 2017, month: 7, date: '2017-07-30' });
    const asIfBornIn1917 = checkNationalNumber('17073003355');
    expect(asIfBornIn1917.ok && asIfBornIn1917.birth).toEqual({
      precision: 'DAY',
      year: 1917,
      month: 7,
      date: '1917-07-30',
    });
  });

  it('lets the century decide whether 29 February exists (2000 was a leap year, 1900 was not)', () => {
    expect(valid(`000229002${checkDigitsFor('000229002', 2000)}`).birth).toMatchObject({ date: '2000-02-29' });
    const in1900 = checkNationalNumber(`000229002${checkDigitsFor('000229002', 1900)}`);
    expect(in1900).toMatchObject({ ok: false, code: 'NATIONAL_NUMBER_DATE' });
  });

  it('reads BIS numbers: month + 20 (sex unknown) or + 40 (sex known)', () => {
    const plus40 = valid('98.47.28-997.65');
    expect(plus40.kind).toBe('BIS');
    expect(plus40.birth).toMatchObject({ precision: 'DAY', date: '1998-07-28' });
    expect(valid('01 49 07 001 85').birth).toMatchObject({ precision: 'DAY', date: '2001-09-07' });
    const plus20 = valid(`102515123${checkDigitsFor('102515123', 2000)}`);
    expect(plus20.kind).toBe('BIS');
    expect(plus20.birth).toMatchObject({ date: '2010-05-15' });
  });

  it('knows numbers that do not carry the whole birth date', () => {
    expect(valid(`850700033${checkDigitsFor('850700033', 1900)}`).birth).toEqual({
      precision: 'MONTH',
      year: 1985,
      month: 7,
    });
    // Month 00: unknown month, or the day counter ran out; the day digits then mean nothing.
    expect(valid(`120003017${checkDigitsFor('120003017', 2000)}`).birth).toEqual({ precision: 'YEAR', year: 2012 });
    expect(valid(`852000033${checkDigitsFor('852000033', 1900)}`).birth).toEqual({ precision: 'YEAR', year: 1985 });
    // 00 00 01: the fictitious date used when nothing was known, not even the year.
    expect(valid(`000001123${checkDigitsFor('000001123', 1900)}`).birth).toEqual({ precision: 'NONE' });
  });

  it.each([
    ['', 'NATIONAL_NUMBER_MISSING'],
    ['   ', 'NATIONAL_NUMBER_MISSING'],
    ['8507300332', 'NATIONAL_NUMBER_FORMAT'],
    ['850730033289', 'NATIONAL_NUMBER_FORMAT'],
    ['85.07.30-033', 'NATIONAL_NUMBER_FORMAT'],
    ['85O73003328', 'NATIONAL_NUMBER_FORMAT'],
    ['8,5073E+10', 'NATIONAL_NUMBER_FORMAT'],
    ['85073003329', 'NATIONAL_NUMBER_CHECK_DIGITS'],
    ['85073003382', 'NATIONAL_NUMBER_CHECK_DIGITS'],
    [`851330033${checkDigitsFor('851330033', 1900)}`, 'NATIONAL_NUMBER_DATE'],
    [`850231033${checkDigitsFor('850231033', 1900)}`, 'NATIONAL_NUMBER_DATE'],
    [`856030033${checkDigitsFor('856030033', 1900)}`, 'NATIONAL_NUMBER_DATE'],
    [`853330033${checkDigitsFor('853330033', 1900)}`, 'NATIONAL_NUMBER_DATE'],
    ['00000000097', 'NATIONAL_NUMBER_SEQUENCE'],
    [`850730999${checkDigitsFor('850730999', 1900)}`, 'NATIONAL_NUMBER_SEQUENCE'],
  ])('refuses %j with %s and a sentence a clerk understands', (input, code) => {
    const result = checkNationalNumber(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(/numéro national/);
  });

  it('says when a spreadsheet has turned the number into scientific notation', () => {
    const result = checkNationalNumber('8,5073E+10');
    expect(!result.ok && result.reason).toMatch(/notation scientifique/);
  });

  it('puts back the leading zero a spreadsheet dropped (born 2000-2009), only when the check digits agree', () => {
    const full = `080315002${checkDigitsFor('080315002', 2000)}`;
    expect(valid(full.slice(1)).value).toBe(full);
    expect(valid(full.slice(1)).birth).toMatchObject({ date: '2008-03-15' });
    const wrong = checkNationalNumber(`${full.slice(1, 9)}${(Number(full.slice(9)) % 97) + 1}`.padEnd(10, '0'));
    expect(wrong).toMatchObject({ ok: false, code: 'NATIONAL_NUMBER_FORMAT' });
  });

  it('formats the number the way identity cards print it', () => {
    expect(formatNationalNumber('85073003328' as NationalNumber)).toBe('85.07.30-033.28');
  });
});

describe('national numbers, for any birth date and counter', () => {
  it('accepts every well-formed number and decodes its birth date', () => {
    fc.assert(
      fc.property(nationalNumberArbitrary(), ({ number, birthDate, bis }) => {
        const result = valid(number);
        expect(result.kind).toBe(bis ? 'BIS' : 'NATIONAL_REGISTER');
        expect(result.birth).toMatchObject({ precision: 'DAY', date: birthDate });
        expect(birthDateMatches(result.birth, birthDate)).toBe(true);
        expect(valid(formatNationalNumber(result.value)).value).toBe(number);
      }),
    );
  });

  it('refuses any single changed digit, except the one change that moves the birth into the other century', () => {
    // The two centuries' check digits differ by 2 000 000 000 mod 97 = 68. Changing the year's second digit
    // by ±6 shifts the nine digits by ±60 000 000, which is also ±68 mod 97: the result is a well-formed number
    // of someone born a century (±6 years) apart. The birth-date comparison of each row catches that one.
    fc.assert(
      fc.property(
        nationalNumberArbitrary(),
        fc.nat({ max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ number }, position, shift) => {
          const digit = (Number(number[position]) + shift) % 10;
          const changed = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
          const result = checkNationalNumber(changed);
          if (result.ok) {
            expect(position).toBe(1);
            expect(Math.abs(digit - Number(number[1]))).toBe(6);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('shows the century swap on an example: 1987 with the year digit lowered by 6 reads as 2081', () => {
    const born1987 = makeNationalNumber('1987-07-30', 33);
    const swapped = checkNationalNumber(`8${Number(born1987[1]) - 6}${born1987.slice(2)}`);
    expect(swapped).toMatchObject({ ok: true, birth: { precision: 'DAY', date: '2081-07-30' } });
  });

  it('compares birth dates only on the parts the number encodes', () => {
    expect(birthDateMatches({ precision: 'YEAR', year: 2012 }, toCalendarDate(2012, 11, 3))).toBe(true);
    expect(birthDateMatches({ precision: 'YEAR', year: 2012 }, '2013-01-01')).toBe(false);
    expect(birthDateMatches({ precision: 'MONTH', year: 2012, month: 11 }, '2012-11-30')).toBe(true);
    expect(birthDateMatches({ precision: 'MONTH', year: 2012, month: 11 }, '2012-12-01')).toBe(false);
    expect(birthDateMatches({ precision: 'NONE' }, '1999-01-01')).toBe(true);
  });
});
