import { describe, expect, it } from 'vitest';
import {
  type CreateMerchantBody,
  CreateMerchantBodySchema,
  UpdateMerchantBodySchema,
} from '../../../shared/api/merchants.ts';
import { DomainError } from '../../../shared/errors/domain-error.ts';
import type { Merchant } from '../../../shared/merchants/merchant.ts';
import { changeMerchant, merchantDetailsOf, newMerchant } from '../../../shared/merchants/merchant-input.ts';
import { merchantIdFor } from '../../../shared/services/merchant-service.ts';

const body = (overrides: Partial<CreateMerchantBody> = {}): CreateMerchantBody =>
  CreateMerchantBodySchema.parse({
    name: 'Librairie du Parc',
    address: { street: 'Rue du Parc', number: '4', postcode: '7300', city: 'Boussu' },
    email: 'contact@librairie.example',
    ...overrides,
  });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const AT = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-05T14:30:00.000Z';
const shop = (): Merchant => newMerchant(merchantDetailsOf(body({ iban: 'BE68539007547034' })), 'Mshop', AT);

describe('merchantDetailsOf', () => {
  it('normalises the IBAN, BIC and enterprise number and stores the city as the locality', () => {
    const details = merchantDetailsOf(
      body({ iban: 'be68 5390 0754 7034', bic: 'gkcc be bb', enterpriseNumber: 'BE 0123 456 749' }),
    );
    expect(details).toEqual({
      name: 'Librairie du Parc',
      category: 'other',
      address: { street: 'Rue du Parc', number: '4', postcode: '7300', locality: 'Boussu' },
      email: 'contact@librairie.example',
      iban: 'BE68539007547034',
      bic: 'GKCCBEBB',
      enterpriseNumber: '0123.456.749',
    });
  });

  it('takes a shop without IBAN, BIC or enterprise number', () => {
    const details = merchantDetailsOf(body());
    expect(details).not.toHaveProperty('iban');
    expect(details).not.toHaveProperty('bic');
    expect(details).not.toHaveProperty('enterpriseNumber');
  });

  it.each([
    ['BE69 5390 0754 7034', 'CHECK_DIGITS', /check digits/],
    ['BE68 5390 0754 703', 'LENGTH', /16 characters, this one has 15/],
    ['BE41539007547035', 'ACCOUNT_CHECK_DIGITS', /last two digits/],
    ['BR1800360305000010009795493C1', 'NOT_SEPA', /SEPA/],
    ['XX68539007547034', 'COUNTRY', /country code/],
    ['BE68.5390.0754.7034', 'FORMAT', /letters and digits/],
    ['', 'EMPTY', /empty/],
  ])('refuses the IBAN %j: IBAN_INVALID, problem %s, a detail saying why', (iban, problem, detail) => {
    const error = refusal(() => merchantDetailsOf(body({ iban })));
    expect(error.code).toBe('IBAN_INVALID');
    expect(error.extensions).toEqual({ field: 'iban', problem });
    expect(error.message).toMatch(detail);
    // The detail goes to logs and to the client: it never repeats the number.
    if (iban.length > 8) expect(error.message).not.toContain(iban.replaceAll(' ', '').slice(4, 12));
  });

  it('refuses a wrong BIC (BIC_INVALID) and a wrong enterprise number (ENTERPRISE_NUMBER_INVALID)', () => {
    const bic = refusal(() => merchantDetailsOf(body({ bic: 'GEBABEB' })));
    expect(bic.code).toBe('BIC_INVALID');
    expect(bic.message).toMatch(/8 or 11 characters/);
    const number = refusal(() => merchantDetailsOf(body({ enterpriseNumber: '0123.456.748' })));
    expect(number.code).toBe('ENTERPRISE_NUMBER_INVALID');
    expect(number.extensions).toEqual({ field: 'enterpriseNumber', problem: 'CHECK_DIGITS' });
  });
});

describe('merchantIdFor', () => {
  it('is shaped like newId("M") and the same for the same checked details, however the IBAN was typed', () => {
    const id = merchantIdFor(merchantDetailsOf(body({ iban: 'BE68 5390 0754 7034' })));
    expect(id).toMatch(/^M[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(merchantIdFor(merchantDetailsOf(body({ iban: 'be68539007547034' })))).toBe(id);
  });

  it('differs as soon as one detail differs', () => {
    const id = merchantIdFor(merchantDetailsOf(body()));
    expect(merchantIdFor(merchantDetailsOf(body({ name: 'Librairie du Parc bis' })))).not.toBe(id);
    expect(merchantIdFor(merchantDetailsOf(body({ email: 'other@librairie.example' })))).not.toBe(id);
  });
});

describe('changeMerchant', () => {
  it('applies the fields given, names those that changed and moves to the next version', () => {
    const { merchant, changed } = changeMerchant(
      shop(),
      UpdateMerchantBodySchema.parse({ iban: 'BE71 0961 2345 6769', status: 'INACTIVE', name: 'Librairie du Parc' }),
      LATER,
    );
    expect(changed).toEqual(['iban', 'status']);
    expect(merchant).toMatchObject({ iban: 'BE71096123456769', status: 'INACTIVE', version: 2, updatedAt: LATER });
    expect(merchant.createdAt).toBe(AT);
  });

  it('changes nothing (same version, nothing to write) when every value is the one stored', () => {
    const current = shop();
    const result = changeMerchant(
      current,
      UpdateMerchantBodySchema.parse({
        iban: 'be68 5390 0754 7034',
        address: { street: 'Rue du Parc', number: '4', postcode: '7300', city: 'Boussu' },
      }),
      LATER,
    );
    expect(result.changed).toEqual([]);
    expect(result.merchant).toBe(current);
  });

  it('compares addresses field by field and removes a BIC or an enterprise number given as null', () => {
    const current = { ...shop(), bic: 'GKCCBEBB', enterpriseNumber: '0123.456.749' };
    const { merchant, changed } = changeMerchant(
      current,
      UpdateMerchantBodySchema.parse({
        address: { street: 'Rue du Parc', number: '4', box: 'A', postcode: '7300', city: 'Boussu' },
        bic: null,
        enterpriseNumber: null,
      }),
      LATER,
    );
    expect(changed).toEqual(['address', 'bic', 'enterpriseNumber']);
    expect(merchant.bic).toBeUndefined();
    expect(merchant.enterpriseNumber).toBeUndefined();
    expect(merchant.address.box).toBe('A');
  });

  it('checks a new IBAN like a first one', () => {
    const error = refusal(() =>
      changeMerchant(shop(), UpdateMerchantBodySchema.parse({ iban: 'BE69539007547034' }), LATER),
    );
    expect(error.code).toBe('IBAN_INVALID');
  });
});

describe('UpdateMerchantBodySchema', () => {
  it('refuses to remove an IBAN, saying that it can only be replaced', () => {
    const result = UpdateMerchantBodySchema.safeParse({ iban: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('an IBAN can be replaced but not removed');
  });

  it('refuses an empty change and a misspelt field', () => {
    expect(UpdateMerchantBodySchema.safeParse({}).success).toBe(false);
    expect(UpdateMerchantBodySchema.safeParse({ ibna: 'BE68539007547034' }).success).toBe(false);
  });
});
