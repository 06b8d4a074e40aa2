import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents, formatDecimal, formatEuros, MoneyFormatError, parseEuros, sumCents } from '../../shared/money/money.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseEuros', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    ['0,01', 1],
    ['12,50 €', 1250],
    ['1 234,56', 123_456],
    ['1.234,56', 123_456],
    [' 7 ', 700],
  ])('reads %s as %i cents', (text, expected) => {
    expect(parseEuros(text)).toBe(expected);
  });

  it.each(['', 'abc', '12,505', '-3', '1e3', '12,', ',5', '1.234', '12..5', '0x10'])('refuses %j', (text) => {
    expect(() => parseEuros(text)).toThrow(MoneyFormatError);
  });

  it('is exact where floating point is not (0,29 -> 29 cents, not 28.999…)', () => {
    expect(parseEuros('0,29')).toBe(29);
    expect(parseEuros('1,15')).toBe(115);
    expect(parseEuros('4,35')).toBe(435);
  });
});

describe('formatEuros', () => {
  it('writes amounts the Belgian French way', () => {
    expect(formatEuros(1250)).toBe(`12,50${NBSP}€`);
    expect(formatEuros(10_000)).toBe(`100,00${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(55_000_000)).toBe(`550${NNBSP}000,00${NBSP}€`);
    expect(formatEuros(-1250)).toBe(`-12,50${NBSP}€`);
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatEuros(12.5)).toThrow(MoneyFormatError);
    expect(() => cents(Number.NaN)).toThrow(MoneyFormatError);
  });

  it('round-trips with parseEuros for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (amount) => {
        expect(parseEuros(formatEuros(amount))).toBe(amount);
        expect(parseEuros(formatDecimal(amount))).toBe(amount);
      }),
    );
  });
});

describe('formatDecimal and sumCents', () => {
  it('writes machine amounts with a dot and two decimals', () => {
    expect(formatDecimal(1250)).toBe('12.50');
    expect(formatDecimal(7)).toBe('0.07');
    expect(formatDecimal(123_456_789)).toBe('1234567.89');
  });

  it('sums integers exactly', () => {
    expect(sumCents([10, 20, 30])).toBe(60);
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([1, 0.5])).toThrow(MoneyFormatError);
  });
});
