import { describe, expect, it } from 'vitest';
import { InvalidBicError, normaliseBic } from '../../../shared/payments/bic.ts';

describe('normaliseBic', () => {
  it('normalises 8- and 11-character BICs', () => {
    expect(normaliseBic('GEBABEBB')).toBe('GEBABEBB');
    expect(normaliseBic(' gkcc be bb ')).toBe('GKCCBEBB');
    expect(normaliseBic('BBRUBEBB010')).toBe('BBRUBEBB010');
  });

  it('says the length is wrong', () => {
    expect(() => normaliseBic('GEBABEB')).toThrow(/8 or 11 characters, it has 7/);
    expect(() => normaliseBic('GEBABEBB01')).toThrow(InvalidBicError);
    expect(() => normaliseBic('')).toThrow(InvalidBicError);
  });

  it('refuses a wrong shape or an unknown country', () => {
    expect(() => normaliseBic('GEBA1EBB')).toThrow(/not a BIC/);
    expect(() => normaliseBic('GEBAXXBB')).toThrow(InvalidBicError);
    expect(() => normaliseBic('GEBABE-B')).toThrow(InvalidBicError);
  });
});
