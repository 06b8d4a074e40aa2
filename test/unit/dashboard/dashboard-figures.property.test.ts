/**
 * DESIGN.md invariant 5 on the pure model: for any history of issues, purchases, reversals, voids with
 * reissue and settlements, counted in any order the stream allows (each item's changes in order, items
 * interleaved at random) and in chunks of any size, the figures equal the sums computed from the ledger's
 * final state, and equal counting the final items from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CampaignFigures, combineFigures, ZERO_FIGURES } from '../../../shared/dashboard/campaign-figures.ts';
import { countChanges } from '../../../shared/dashboard/count-changes.ts';
import { emptyHousehold, type HouseholdUsage } from '../../../shared/dashboard/household-usage.ts';
import { effectOf, type LedgerChange } from '../../../shared/dashboard/ledger-change.ts';
import type { RedemptionImage, VoucherImage } from '../../../shared/dashboard/ledger-contributions.ts';

const FACE = 1_000;
const MERCHANTS = ['m1', 'm2', 'm3'];
const DAYS = ['2026-11-27', '2026-11-28', '2026-11-29'];

type Operation =
  | { op: 'issue'; household: number }
  | { op: 'redeem'; voucher: number; amount: number; merchant: number; day: number }
  | { op: 'reverse'; redemption: number }
  | { op: 'reissue'; voucher: number }
  | { op: 'settle'; redemption: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('issue' as const), household: fc.nat(3) }),
  fc.record({
    op: fc.constant('redeem' as const),
    voucher: fc.nat(20),
    amount: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constant(FACE)),
    merchant: fc.nat(MERCHANTS.length - 1),
    day: fc.nat(DAYS.length - 1),
  }),
  fc.record({ op: fc.constant('reverse' as const), redemption: fc.nat(30) }),
  fc.record({ op: fc.constant('reissue' as const), voucher: fc.nat(20) }),
  fc.record({ op: fc.constant('settle' as const), redemption: fc.nat(30) }),
);

interface Ledger {
  readonly vouchers: Map<string, VoucherImage>;
  readonly redemptions: Map<string, RedemptionImage & { voucherId: string }>;
  /** Each item's changes, in the order they were made: what the stream keeps in order. */
  readonly history: Map<string, LedgerChange[]>;
}

/** Plays the operations as the ledger would (refusing what it refuses), recording every item change. */
function play(operations: readonly Operation[]): Ledger {
  const vouchers = new Map<string, VoucherImage>();
  const redemptions = new Map<string, RedemptionImage & { voucherId: string }>();
  const history = new Map<string, LedgerChange[]>();
  let next = 0;
  const record = (key: string, change: Omit<LedgerChange, 'id'>) => {
    const changes = history.get(key) ?? [];
    changes.push({ ...change, id: `e${next++}` } as LedgerChange);
    history.set(key, changes);
  };
  const setVoucher = (id: string, after: VoucherImage) => {
    const before = vouchers.get(id);
    vouchers.set(id, after);
    record(id, { kind: 'voucher', ...(before ? { before } : {}), after });
  };
  const setRedemption = (id: string, after: RedemptionImage & { voucherId: string }) => {
    const before = redemptions.get(id);
    redemptions.set(id, after);
    record(id, { kind: 'redemption', ...(before ? { before } : {}), after });
  };
  const voucherIds = () => [...vouchers.keys()];
  const redemptionIds = () => [...redemptions.keys()];
  let beneficiaries = 0;

  for (const step of operations) {
    if (step.op === 'issue') {
      const id = `V${vouchers.size}`;
      setVoucher(id, {
        campaignId: 'c1',
        householdRef: `h${step.household}`,
        beneficiaryRef: `p${beneficiaries++}`,
        faceValueCents: FACE,
        balanceCents: FACE,
        status: 'ACTIVE',
      });
    } else if (step.op === 'redeem') {
      const id = voucherIds()[step.voucher % Math.max(1, vouchers.size)];
      const voucher = id ? vouchers.get(id) : undefined;
      if (!id || !voucher || voucher.status !== 'ACTIVE' || voucher.balanceCents === 0) continue;
      const amountCents = Math.min(step.amount, voucher.balanceCents);
      setRedemption(`R${redemptions.size}`, {
        campaignId: 'c1',
        merchantId: MERCHANTS[step.merchant] ?? 'm1',
        businessDate: DAYS[step.day] ?? '2026-11-27',
        amountCents,
        status: 'ACTIVE',
        voucherId: id,
      });
      setVoucher(id, { ...voucher, balanceCents: voucher.balanceCents - amountCents });
    } else if (step.op === 'reverse' || step.op === 'settle') {
      const id = redemptionIds()[step.redemption % Math.max(1, redemptions.size)];
      const redemption = id ? redemptions.get(id) : undefined;
      if (!id || !redemption || redemption.status !== 'ACTIVE') continue;
      if (step.op === 'settle') {
        setRedemption(id, { ...redemption });
        continue;
      }
      const voucher = vouchers.get(redemption.voucherId);
      // A voided voucher's purchases can no longer be reversed (the ledger refuses).
      if (voucher?.status !== 'ACTIVE') continue;
      setRedemption(id, { ...redemption, status: 'REVERSED' });
      setVoucher(redemption.voucherId, { ...voucher, balanceCents: voucher.balanceCents + redemption.amountCents });
    } else {
      const id = voucherIds()[step.voucher % Math.max(1, vouchers.size)];
      const voucher = id ? vouchers.get(id) : undefined;
      if (!id || !voucher || voucher.status !== 'ACTIVE') continue;
      setVoucher(id, { ...voucher, status: 'VOIDED', balanceCents: 0 });
      setVoucher(`V${vouchers.size}`, {
        ...voucher,
        faceValueCents: voucher.balanceCents,
        replacesVoucherId: id,
      });
    }
  }
  return { vouchers, redemptions, history };
}

interface Figures {
  readonly totals: CampaignFigures;
  readonly shops: Record<string, [number, number]>;
  readonly days: Record<string, [number, number]>;
}

/** Counts changes in chunks, each on the households the previous chunks left, as the aggregator does. */
function count(changes: readonly LedgerChange[], chunkSizes: readonly number[]): Figures {
  const households = new Map<string, HouseholdUsage>();
  let totals = ZERO_FIGURES;
  const shops: Record<string, [number, number]> = {};
  const days: Record<string, [number, number]> = {};
  let start = 0;
  for (let chunk = 0; start < changes.length; chunk += 1) {
    const size = chunkSizes[chunk % chunkSizes.length] ?? 1;
    const counted = countChanges(
      changes.slice(start, start + size).map(effectOf),
      (id, campaignId, householdRef) => households.get(id) ?? emptyHousehold(campaignId, householdRef),
    );
    start += size;
    for (const [id, usage] of counted.households) households.set(id, usage);
    for (const delta of counted.totals.values()) totals = combineFigures(totals, delta);
    for (const { merchantId, sales } of counted.shops.values()) {
      const [r, a] = shops[merchantId] ?? [0, 0];
      shops[merchantId] = [r + sales.redemptions, a + sales.amountCents];
    }
    for (const { date, sales } of counted.days.values()) {
      const [r, a] = days[date] ?? [0, 0];
      days[date] = [r + sales.redemptions, a + sales.amountCents];
    }
  }
  const nonZero = (sums: Record<string, [number, number]>) =>
    Object.fromEntries(Object.entries(sums).filter(([, [r, a]]) => r !== 0 || a !== 0));
  return { totals, shops: nonZero(shops), days: nonZero(days) };
}

/** The figures straight from the ledger's final state, by the definitions of the API (no deltas involved). */
function ledgerSums(ledger: Ledger): Figures {
  const active = [...ledger.redemptions.values()].filter((redemption) => redemption.status === 'ACTIVE');
  const sum = (items: readonly { amountCents: number }[]) => items.reduce((total, item) => total + item.amountCents, 0);
  const by = (key: (redemption: (typeof active)[number]) => string) => {
    const sums: Record<string, [number, number]> = {};
    for (const redemption of active) {
      const [r, a] = sums[key(redemption)] ?? [0, 0];
      sums[key(redemption)] = [r + 1, a + redemption.amountCents];
    }
    return sums;
  };
  const vouchers = [...ledger.vouchers.entries()];
  const roots = vouchers.filter(([, voucher]) => !voucher.replacesVoucherId);
  const spentBy = new Map<string, number>();
  for (const redemption of active) {
    const voucher = ledger.vouchers.get(redemption.voucherId);
    if (voucher)
      spentBy.set(voucher.beneficiaryRef, (spentBy.get(voucher.beneficiaryRef) ?? 0) + redemption.amountCents);
  }
  const spent = (voucher: VoucherImage) => spentBy.get(voucher.beneficiaryRef) ?? 0;
  const households = new Set(roots.map(([, voucher]) => voucher.householdRef));
  const used = new Set(roots.filter(([, voucher]) => spent(voucher) > 0).map(([, voucher]) => voucher.householdRef));
  return {
    totals: {
      redemptions: active.length,
      redeemedCents: sum(active),
      households: households.size,
      householdsUsed: used.size,
      vouchersNotUsed: roots.filter(([, voucher]) => spent(voucher) === 0).length,
      vouchersPartlyUsed: roots.filter(([, voucher]) => spent(voucher) > 0 && spent(voucher) < voucher.faceValueCents)
        .length,
      vouchersFullyUsed: roots.filter(([, voucher]) => spent(voucher) === voucher.faceValueCents).length,
      remainingBalancesCents: vouchers
        .filter(([, voucher]) => voucher.status === 'ACTIVE')
        .reduce((total, [, voucher]) => total + voucher.balanceCents, 0),
    },
    shops: by((redemption) => redemption.merchantId),
    days: by((redemption) => redemption.businessDate),
  };
}

/** The items' changes merged in an order the stream may deliver: each item's in order, items at random. */
function interleave(history: Map<string, LedgerChange[]>, choices: readonly number[]): LedgerChange[] {
  const queues = [...history.values()].map((changes) => [...changes]);
  const merged: LedgerChange[] = [];
  for (let step = 0; queues.some((queue) => queue.length > 0); step += 1) {
    const open = queues.filter((queue) => queue.length > 0);
    const queue = open[(choices[step % Math.max(1, choices.length)] ?? 0) % open.length];
    const change = queue?.shift();
    if (change) merged.push(change);
  }
  return merged;
}

describe('dashboard figures (invariant 5, pure model)', () => {
  it('equal the ledger’s sums, whatever the order and the batching of the changes', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 80 }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }),
        (operations, choices, chunkSizes) => {
          const ledger = play(operations);
          const counted = count(interleave(ledger.history, choices), chunkSizes);
          expect(counted).toEqual(ledgerSums(ledger));
          // Issued face value = what was spent + what is left (a reissue moves balances, it spends nothing).
          const issued = [...ledger.vouchers.values()]
            .filter((voucher) => !voucher.replacesVoucherId)
            .reduce((total, voucher) => total + voucher.faceValueCents, 0);
          expect(counted.totals.redeemedCents + counted.totals.remainingBalancesCents).toBe(issued);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equal counting the final items from scratch (deltas telescope)', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 60 }),
        fc.array(fc.nat(1000), { minLength: 1 }),
        (operations, choices) => {
          const ledger = play(operations);
          const fromScratch: LedgerChange[] = [
            ...[...ledger.vouchers.values()].map((after, index) => ({
              id: `v${index}`,
              kind: 'voucher' as const,
              after,
            })),
            ...[...ledger.redemptions.values()].map((after, index) => ({
              id: `r${index}`,
              kind: 'redemption' as const,
              after,
            })),
          ];
          expect(count(interleave(ledger.history, choices), [7])).toEqual(count(fromScratch, [100]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
