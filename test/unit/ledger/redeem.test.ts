/** The pure redemption rules: amounts, the order of refusals, and balances that never go below zero. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/errors/domain-error.ts';
import { assertValidAmount, decideRedemption, type RedemptionFacts } from '../../../shared/ledger/redeem.ts';
import type { Voucher } from '../../../shared/vouchers/voucher.ts';

const voucher = (balanceCents: number, status: Voucher['status'] = 'ACTIVE'): Voucher => ({
  voucherId: 'V1',
  campaignId: 'c1',
  beneficiaryRef: 'p1',
  householdRef: 'h1',
  faceValueCents: 10_000,
  balanceCents,
  status,
  issuedAt: '2026-11-01T09:00:00.000Z',
});

const facts = (overrides: Partial<RedemptionFacts> = {}): RedemptionFacts => ({
  voucher: voucher(10_000),
  merchant: { merchantId: 'm1', status: 'ACTIVE' },
  enrolment: { campaignStartDate: '2026-11-01', campaignEndDate: '2027-03-31' },
  amountCents: 1250,
  today: '2026-11-30',
  ...overrides,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('amounts', () => {
  it.each([0, -1, 12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1250', null])('refuses %s', (amount) => {
    expect(refusal(() => assertValidAmount(amount))).toBe('AMOUNT_INVALID');
  });

  it('accepts any whole number of cents above zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(refusal(() => assertValidAmount(amount))).toBe('ACCEPTED');
      }),
    );
  });
});

describe('decideRedemption', () => {
  it('takes the amount from the balance, exactly, and never below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 20_000 }), (balance, amount) => {
        const decide = () => decideRedemption(facts({ voucher: voucher(balance), amountCents: amount }));
        if (amount <= balance) {
          expect(decide().balanceAfterCents).toBe(balance - amount);
        } else {
          expect(refusal(decide)).toBe('INSUFFICIENT_BALANCE');
        }
      }),
    );
  });

  it('says how much is left when the balance is too low', () => {
    expect.assertions(2);
    try {
      decideRedemption(facts({ voucher: voucher(700), amountCents: 701 }));
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('INSUFFICIENT_BALANCE');
      expect(isDomainError(error) && error.extensions.balanceCents).toBe(700);
    }
  });

  it('never lets a sequence of purchases spend more than the face value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6_000 }), { maxLength: 40 }), (amounts) => {
        let balance = 10_000;
        let spent = 0;
        for (const amount of amounts) {
          const decision = refusal(() => decideRedemption(facts({ voucher: voucher(balance), amountCents: amount })));
          if (decision === 'ACCEPTED') {
            balance -= amount;
            spent += amount;
          } else {
            expect(decision).toBe('INSUFFICIENT_BALANCE');
            expect(amount).toBeGreaterThan(balance);
          }
          expect(balance).toBeGreaterThanOrEqual(0);
        }
        expect(spent + balance).toBe(10_000);
      }),
    );
  });

  it('is open on the campaign dates inclusive, and names the date when it is not', () => {
    const on = (today: string) => refusal(() => decideRedemption(facts({ today })));
    expect(on('2026-11-01')).toBe('ACCEPTED');
    expect(on('2027-03-31')).toBe('ACCEPTED');
    expect(on('2026-10-31')).toBe('CAMPAIGN_NOT_OPEN');
    expect(on('2027-04-01')).toBe('VOUCHER_EXPIRED');
  });

  it('refuses in a fixed order: the shop, then a voided voucher, then the dates, then the balance', () => {
    const everythingWrong = facts({
      merchant: { merchantId: 'm1', status: 'INACTIVE' },
      voucher: voucher(0, 'VOIDED'),
      today: '2027-05-01',
      amountCents: 99_999,
    });
    expect(refusal(() => decideRedemption(everythingWrong))).toBe('MERCHANT_INACTIVE');
    expect(refusal(() => decideRedemption({ ...everythingWrong, merchant: undefined }))).toBe('MERCHANT_INACTIVE');
    const activeShop = { ...everythingWrong, merchant: { merchantId: 'm1', status: 'ACTIVE' as const } };
    expect(refusal(() => decideRedemption({ ...activeShop, enrolment: undefined }))).toBe('MERCHANT_INACTIVE');
    expect(refusal(() => decideRedemption(activeShop))).toBe('VOUCHER_VOIDED');
    expect(refusal(() => decideRedemption({ ...activeShop, voucher: voucher(0) }))).toBe('VOUCHER_EXPIRED');
    expect(refusal(() => decideRedemption({ ...activeShop, voucher: voucher(0), today: '2026-11-30' }))).toBe(
      'INSUFFICIENT_BALANCE',
    );
  });
});
