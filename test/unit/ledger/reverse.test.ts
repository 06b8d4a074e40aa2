/** The pure reversal rules: whose, when (Brussels midnight or the campaign's window), and what is given back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/errors/domain-error.ts';
import type { Redemption } from '../../../shared/ledger/redemption.ts';
import { decideReversal, type ReversalFacts, reversalDeadline } from '../../../shared/ledger/reverse.ts';
import { addDays, brusselsDateOf } from '../../../shared/time/calendar-date.ts';
import type { Voucher } from '../../../shared/vouchers/voucher.ts';

const redemption = (overrides: Partial<Redemption> = {}): Redemption => ({
  redemptionId: 'R1',
  voucherId: 'V1',
  campaignId: 'c1',
  merchantId: 'm1',
  amountCents: 1250,
  balanceAfterCents: 8750,
  createdAt: '2026-11-30T10:00:00.000Z',
  businessDate: '2026-11-30',
  status: 'ACTIVE',
  ...overrides,
});

const voucher = (overrides: Partial<Voucher> = {}): Voucher => ({
  voucherId: 'V1',
  campaignId: 'c1',
  beneficiaryRef: 'p1',
  householdRef: 'h1',
  faceValueCents: 10_000,
  balanceCents: 8750,
  status: 'ACTIVE',
  issuedAt: '2026-11-01T09:00:00.000Z',
  ...overrides,
});

const facts = (overrides: Partial<ReversalFacts> = {}): ReversalFacts => ({
  redemption: redemption(),
  voucher: voucher(),
  merchantId: 'm1',
  windowHours: undefined,
  now: new Date('2026-11-30T15:00:00.000Z'),
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

// Any instant from 2020 to 2035, DST changes included.
const instants = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms));

describe('reversalDeadline', () => {
  it('is the last millisecond of the Brussels business day, whatever the season', () => {
    fc.assert(
      fc.property(instants, (created) => {
        const businessDate = brusselsDateOf(created);
        const deadline = reversalDeadline({ createdAt: created.toISOString(), businessDate });
        expect(brusselsDateOf(deadline)).toBe(businessDate);
        expect(brusselsDateOf(new Date(deadline.getTime() + 1))).toBe(addDays(businessDate, 1));
        expect(deadline.getTime()).toBeGreaterThanOrEqual(created.getTime());
      }),
    );
  });

  it('is the creation time plus the window when the campaign sets one', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 24 * 30 }), (created, hours) => {
        const deadline = reversalDeadline({ createdAt: created.toISOString(), businessDate: '2026-01-01' }, hours);
        expect(deadline.getTime() - created.getTime()).toBe(hours * 3_600_000);
      }),
    );
  });
});

describe('decideReversal', () => {
  it('gives the amount back to the voucher, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (balance, amount) => {
        const decided = decideReversal(
          facts({ voucher: voucher({ balanceCents: balance }), redemption: redemption({ amountCents: amount }) }),
        );
        expect(decided.balanceAfterCents).toBe(balance + amount);
      }),
    );
  });

  it('hides another shop’s redemption and a missing one alike', () => {
    expect(refusal(() => decideReversal(facts({ merchantId: 'm2' })))).toBe('NOT_FOUND');
    expect(refusal(() => decideReversal(facts({ redemption: undefined })))).toBe('NOT_FOUND');
    expect(refusal(() => decideReversal(facts({ voucher: undefined })))).toBe('NOT_FOUND');
  });

  it('refuses a cancelled, a settled, a late one, and one whose voucher was replaced', () => {
    expect(refusal(() => decideReversal(facts({ redemption: redemption({ status: 'REVERSED' }) })))).toBe(
      'ALREADY_REVERSED',
    );
    expect(refusal(() => decideReversal(facts({ redemption: redemption({ settlementId: 'S1' }) })))).toBe(
      'ALREADY_SETTLED',
    );
    expect(refusal(() => decideReversal(facts({ now: new Date('2026-11-30T23:00:00.000Z') })))).toBe(
      'REVERSAL_WINDOW_CLOSED',
    );
    expect(refusal(() => decideReversal(facts({ now: new Date('2026-11-30T22:59:59.999Z') })))).toBe('ACCEPTED');
    expect(refusal(() => decideReversal(facts({ voucher: voucher({ status: 'VOIDED' }) })))).toBe('VOUCHER_VOIDED');
  });

  it('says settled before late: a settled purchase is never the shop’s to cancel', () => {
    const settledAndLate = facts({
      redemption: redemption({ settlementId: 'S1' }),
      now: new Date('2026-12-20T10:00:00.000Z'),
    });
    expect(refusal(() => decideReversal(settledAndLate))).toBe('ALREADY_SETTLED');
  });
});
