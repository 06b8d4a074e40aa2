/**
 * A household's vouchers as the dashboard counts them: per beneficiary, the entitlement issued, used and
 * still held. A household's contribution to its campaign's figures (is it counted, has it used a voucher,
 * how used is each voucher) is read from this state, so the figures move by the difference of the
 * contributions before and after a change.
 */
import type { EntitlementDelta } from './ledger-contributions.ts';

export interface EntitlementUsage {
  readonly vouchers: number;
  readonly entitledCents: number;
  readonly usedCents: number;
  readonly heldCents: number;
}

export interface HouseholdUsage {
  readonly campaignId: string;
  readonly householdRef: string;
  /** By beneficiary reference. */
  readonly members: Readonly<Record<string, EntitlementUsage>>;
}

/** What a household adds to its campaign's figures. */
export interface UsageFigures {
  /** 1 when the household holds an issued voucher. */
  readonly households: number;
  /** 1 when at least one of its vouchers was redeemed, net of reversals. */
  readonly householdsUsed: number;
  readonly vouchersNotUsed: number;
  readonly vouchersPartlyUsed: number;
  readonly vouchersFullyUsed: number;
  /** What its active vouchers still hold. */
  readonly remainingBalancesCents: number;
}

export const NO_USAGE: UsageFigures = {
  households: 0,
  householdsUsed: 0,
  vouchersNotUsed: 0,
  vouchersPartlyUsed: 0,
  vouchersFullyUsed: 0,
  remainingBalancesCents: 0,
};

export type UsageBucket = 'notUsed' | 'partlyUsed' | 'fullyUsed';

/**
 * How much of an entitlement was spent; none until its issue is counted (changes of a voucher and of its
 * replacement may be counted in either order: the figures are exact once both are).
 */
export function usageBucket(usage: EntitlementUsage): UsageBucket | undefined {
  if (usage.vouchers <= 0) return undefined;
  if (usage.usedCents <= 0) return 'notUsed';
  if (usage.usedCents >= usage.entitledCents) return 'fullyUsed';
  return 'partlyUsed';
}

export function emptyHousehold(campaignId: string, householdRef: string): HouseholdUsage {
  return { campaignId, householdRef, members: {} };
}

export function applyEntitlement(household: HouseholdUsage, delta: EntitlementDelta): HouseholdUsage {
  const member = household.members[delta.beneficiaryRef] ?? {
    vouchers: 0,
    entitledCents: 0,
    usedCents: 0,
    heldCents: 0,
  };
  return {
    ...household,
    members: {
      ...household.members,
      [delta.beneficiaryRef]: {
        vouchers: member.vouchers + delta.vouchers,
        entitledCents: member.entitledCents + delta.entitledCents,
        usedCents: member.usedCents + delta.usedCents,
        heldCents: member.heldCents + delta.heldCents,
      },
    },
  };
}

export function usageFigures(household: HouseholdUsage): UsageFigures {
  const members = Object.values(household.members);
  const buckets = members.map(usageBucket);
  const count = (bucket: UsageBucket) => buckets.filter((candidate) => candidate === bucket).length;
  return {
    households: members.some((member) => member.vouchers > 0) ? 1 : 0,
    householdsUsed: members.some((member) => member.vouchers > 0 && member.usedCents > 0) ? 1 : 0,
    vouchersNotUsed: count('notUsed'),
    vouchersPartlyUsed: count('partlyUsed'),
    vouchersFullyUsed: count('fullyUsed'),
    remainingBalancesCents: members.reduce((sum, member) => sum + member.heldCents, 0),
  };
}
