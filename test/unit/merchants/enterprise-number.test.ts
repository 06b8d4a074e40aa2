import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidEnterpriseNumberError,
  normaliseEnterpriseNumber,
  vatNumberOf,
} from '../../../shared/merchants/enterprise-number.ts';

function problemOf(input: string): string | undefined {
  try {
    normaliseEnterpriseNumber(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnterpriseNumberError);
    return (error as InvalidEnterpriseNumberError).problem;
  }
}

describe('normaliseEnterpriseNumber', () => {
  it.each([
    '0123.456.749',
    '0123456749',
    'BE0123456749',
    'BE 0123.456.749',
    'be0123 456 749',
    '123456749',
    '123.456.749',
  ])('reads %j as 0123.456.749', (input) => {
    expect(normaliseEnterpriseNumber(input)).toBe('0123.456.749');
  });

  it.each([
    ['0203201340', '0203.201.340'],
    ['0403.019.954', '0403.019.954'],
    ['0857363105', '0857.363.105'],
    ['BE0417601430', '0417.601.430'],
    // Numbers starting with 1 are given since the 0 series ran out.
    ['1000000021', '1000.000.021'],
    ['1023.456.797', '1023.456.797'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseEnterpriseNumber(input)).toBe(expected);
  });

  it('says when the length is wrong', () => {
    expect(() => normaliseEnterpriseNumber('01234567')).toThrow(/10 digits \(or 9 in the old form\), it has 8/);
    expect(problemOf('012345674900')).toBe('LENGTH');
    expect(problemOf('')).toBe('CHARACTERS');
  });

  it('says when the first digit is not 0 or 1', () => {
    expect(() => normaliseEnterpriseNumber('2123456749')).toThrow(/must be 0 or 1, it is 2/);
    expect(problemOf('9000000097')).toBe('FIRST_DIGIT');
  });

  it('says when the check digits are wrong, and what they should be', () => {
    expect(() => normaliseEnterpriseNumber('0123.456.748')).toThrow(/check digits are 48, they should be 49/);
    expect(problemOf('0203201341')).toBe('CHECK_DIGITS');
  });

  it('refuses letters and other characters', () => {
    expect(problemOf('0123.456.74A')).toBe('CHARACTERS');
    expect(problemOf('FR0123456749')).toBe('CHARACTERS');
  });

  it('detects any single-digit typing error in a valid number', () => {
    const validNumber = fc
      .tuple(fc.constantFrom('0', '1'), fc.integer({ min: 0, max: 9_999_999 }))
      .map(([first, rest]) => {
        const base = `${first}${rest.toString().padStart(7, '0')}`;
        return `${base}${(97 - (Number(base) % 97)).toString().padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(validNumber, fc.nat(9), fc.integer({ min: 1, max: 9 }), (digits, position, shift) => {
        expect(normaliseEnterpriseNumber(digits).replaceAll('.', '')).toBe(digits);
        const changed = `${digits.slice(0, position)}${(Number(digits[position]) + shift) % 10}${digits.slice(position + 1)}`;
        expect(problemOf(changed)).toBeDefined();
      }),
    );
  });
});

describe('vatNumberOf', () => {
  it('prefixes the ten digits with BE', () => {
    expect(vatNumberOf('123.456.749')).toBe('BE0123456749');
    expect(() => vatNumberOf('0123.456.748')).toThrow(InvalidEnterpriseNumberError);
  });
});
