import { describe, expect, it } from 'vitest';
import { syntheticBelgianIban } from '../../infra/local/seed/demo-merchants.ts';
import { formatIban, InvalidIbanError, isValidSepaIban, maskIban, normaliseIban } from '../../shared/iban/iban.ts';

describe('IBAN checks', () => {
  it('normalises a valid Belgian IBAN to its electronic form', () => {
    expect(normaliseIban('BE68 5390 0754 7034')).toBe('BE68539007547034');
    expect(normaliseIban('be68539007547034')).toBe('BE68539007547034');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });

  it('refuses wrong IBAN check digits and wrong Belgian account check digits', () => {
    expect(() => normaliseIban('BE69 5390 0754 7034')).toThrow(InvalidIbanError);
    // IBAN checksum recomputed but the Belgian mod-97 account check (last two digits) is wrong.
    expect(isValidSepaIban('BE41539007547035')).toBe(false);
    expect(isValidSepaIban('BE68 5390 0754 703')).toBe(false);
    expect(isValidSepaIban('')).toBe(false);
  });

  it('refuses IBANs outside the SEPA area', () => {
    // A structurally valid IBAN of a country outside SEPA (Brazil).
    expect(() => normaliseIban('BR1800360305000010009795493C1')).toThrow(/SEPA|valid/);
  });

  it('generates synthetic Belgian IBANs that pass both checks', () => {
    for (let index = 0; index < 50; index += 1) {
      const iban = syntheticBelgianIban(990, 1_000_000 + index * 7919);
      expect(normaliseIban(iban)).toBe(iban);
      expect(iban).toMatch(/^BE\d{14}$/);
    }
  });
});

describe('maskIban', () => {
  it('shows the country, check digits and last four characters only', () => {
    expect(maskIban('BE68539007547034')).toBe('BE68 •••• •••• 7034');
    expect(maskIban('BE68 5390 0754 7034')).toBe('BE68 •••• •••• 7034');
    expect(maskIban('FR1420041010050500013M02606')).toBe('FR14 •••• •••• •••• •••• •••2 606');
  });

  it('hides every digit of the account itself', () => {
    const masked = maskIban('BE68539007547034');
    expect(masked).not.toContain('5390');
    expect(masked).not.toContain('0754');
  });

  it('masks a too-short input whole but for its first four characters', () => {
    expect(maskIban('BE6853')).toBe('BE68 ••');
    expect(maskIban('')).toBe('');
  });
});
