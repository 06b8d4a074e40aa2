/**
 * What each ledger change does to the dashboard: a purchase, its reversal (against its own shop and day), a
 * settlement (nothing), an issue, a void and its reissue (a move of the balance, not spending), and how a
 * household's vouchers fall into the usage buckets.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEntitlement,
  emptyHousehold,
  usageBucket,
  usageFigures,
} from '../../../shared/dashboard/household-usage.ts';
import { effectOf } from '../../../shared/dashboard/ledger-change.ts';
import {
  type RedemptionImage,
  redemptionDeltas,
  type VoucherImage,
  voucherDeltas,
} from '../../../shared/dashboard/ledger-contributions.ts';

const purchase: RedemptionImage = {
  campaignId: 'c1',
  merchantId: 'm1',
  businessDate: '2026-11-28',
  amountCents: 1_250,
  status: 'ACTIVE',
  createdAt: '2026-11-28T10:00:00.000Z',
};
const reversed: RedemptionImage = { ...purchase, status: 'REVERSED', reversedAt: '2026-11-29T08:00:00.000Z' };

const issued: VoucherImage = {
  campaignId: 'c1',
  householdRef: 'h1',
  beneficiaryRef: 'p1',
  faceValueCents: 10_000,
  balanceCents: 10_000,
  status: 'ACTIVE',
  issuedAt: '2026-11-01T09:00:00.000Z',
};
const spent = (voucher: VoucherImage, amountCents: number): VoucherImage => ({
  ...voucher,
  balanceCents: voucher.balanceCents - amountCents,
});
const voided = (voucher: VoucherImage): VoucherImage => ({
  ...voucher,
  status: 'VOIDED',
  balanceCents: 0,
  voidedAt: '2026-11-29T09:00:00.000Z',
});
const replacementOf = (voucher: VoucherImage): VoucherImage => ({
  ...voucher,
  faceValueCents: voucher.balanceCents,
  replacesVoucherId: 'V-old',
  issuedAt: '2026-11-29T09:00:00.000Z',
});

describe('redemptions', () => {
  it('a purchase adds one redemption and its amount to its shop and day', () => {
    expect(redemptionDeltas(undefined, purchase)).toEqual([
      { campaignId: 'c1', merchantId: 'm1', date: '2026-11-28', redemptions: 1, amountCents: 1_250 },
    ]);
  });

  it('a reversal takes it back from the day of the purchase, whenever it happens', () => {
    expect(redemptionDeltas(purchase, reversed)).toEqual([
      { campaignId: 'c1', merchantId: 'm1', date: '2026-11-28', redemptions: -1, amountCents: -1_250 },
    ]);
  });

  it('a settlement marking it paid changes nothing, nor does any change of a reversed one', () => {
    expect(redemptionDeltas(purchase, { ...purchase })).toEqual([]);
    expect(redemptionDeltas(reversed, { ...reversed })).toEqual([]);
  });

  it('a purchase moved to another day leaves one day for the other', () => {
    expect(redemptionDeltas(purchase, { ...purchase, businessDate: '2026-11-27' })).toEqual([
      { campaignId: 'c1', merchantId: 'm1', date: '2026-11-28', redemptions: -1, amountCents: -1_250 },
      { campaignId: 'c1', merchantId: 'm1', date: '2026-11-27', redemptions: 1, amountCents: 1_250 },
    ]);
  });

  it('dates a change by the ledger: the purchase, then the reversal', () => {
    expect(effectOf({ id: 'e1', kind: 'redemption', after: purchase }).at).toBe(purchase.createdAt);
    expect(effectOf({ id: 'e2', kind: 'redemption', before: purchase, after: reversed }).at).toBe(reversed.reversedAt);
    expect(
      effectOf({ id: 'e3', kind: 'redemption', before: purchase, after: purchase, recordedAt: '2026-11-30T00:00:00Z' })
        .at,
    ).toBe('2026-11-30T00:00:00Z');
  });
});

describe('vouchers', () => {
  const entitlement = { campaignId: 'c1', householdRef: 'h1', beneficiaryRef: 'p1' };

  it('an issue is one voucher, entitled to its face value, unused, holding all of it', () => {
    expect(voucherDeltas(undefined, issued)).toEqual([
      { ...entitlement, vouchers: 1, entitledCents: 10_000, usedCents: 0, heldCents: 10_000 },
    ]);
  });

  it('a purchase moves the amount from held to used; its reversal moves it back', () => {
    expect(voucherDeltas(issued, spent(issued, 1_250))).toEqual([
      { ...entitlement, vouchers: 0, entitledCents: 0, usedCents: 1_250, heldCents: -1_250 },
    ]);
    expect(voucherDeltas(spent(issued, 1_250), issued)).toEqual([
      { ...entitlement, vouchers: 0, entitledCents: 0, usedCents: -1_250, heldCents: 1_250 },
    ]);
  });

  it('void and reissue together move nothing: the replacement holds what the voided voucher held', () => {
    const before = spent(issued, 3_000);
    const voiding = voucherDeltas(before, voided(before));
    const reissue = voucherDeltas(undefined, replacementOf(before));
    expect(voiding).toEqual([{ ...entitlement, vouchers: 0, entitledCents: 0, usedCents: 7_000, heldCents: -7_000 }]);
    expect(reissue).toEqual([{ ...entitlement, vouchers: 0, entitledCents: 0, usedCents: -7_000, heldCents: 7_000 }]);
  });

  it('a purchase on the replacement counts against the original entitlement', () => {
    const before = spent(issued, 3_000);
    let household = emptyHousehold('c1', 'h1');
    const changes: Array<[VoucherImage | undefined, VoucherImage]> = [
      [undefined, issued],
      [issued, before],
      [before, voided(before)],
      [undefined, replacementOf(before)],
      [replacementOf(before), spent(replacementOf(before), 7_000)],
    ];
    for (const [old, now] of changes)
      for (const delta of voucherDeltas(old, now)) household = applyEntitlement(household, delta);
    expect(household.members.p1).toEqual({ vouchers: 1, entitledCents: 10_000, usedCents: 10_000, heldCents: 0 });
    expect(usageFigures(household)).toMatchObject({
      vouchersFullyUsed: 1,
      householdsUsed: 1,
      remainingBalancesCents: 0,
    });
  });
});

describe('usage buckets', () => {
  const usage = (usedCents: number, vouchers = 1) => ({
    vouchers,
    entitledCents: 10_000,
    usedCents,
    heldCents: 10_000 - usedCents,
  });

  it('sorts an entitlement by what was spent of its face value', () => {
    expect(usageBucket(usage(0))).toBe('notUsed');
    expect(usageBucket(usage(1))).toBe('partlyUsed');
    expect(usageBucket(usage(9_999))).toBe('partlyUsed');
    expect(usageBucket(usage(10_000))).toBe('fullyUsed');
  });

  it('counts no entitlement whose issue was not counted yet', () => {
    expect(usageBucket(usage(-5_000, 0))).toBeUndefined();
  });

  it('counts a household once, and as used when any of its vouchers was', () => {
    const household = {
      campaignId: 'c1',
      householdRef: 'h1',
      members: { p1: usage(0), p2: usage(2_500), p3: usage(10_000) },
    };
    expect(usageFigures(household)).toEqual({
      households: 1,
      householdsUsed: 1,
      vouchersNotUsed: 1,
      vouchersPartlyUsed: 1,
      vouchersFullyUsed: 1,
      remainingBalancesCents: 17_500,
    });
    expect(usageFigures({ ...household, members: { p1: usage(0) } })).toMatchObject({
      households: 1,
      householdsUsed: 0,
    });
  });
});
