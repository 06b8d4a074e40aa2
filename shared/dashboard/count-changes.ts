/**
 * What a run of ledger changes adds to the dashboard's counters, given the households as they were: the
 * households after, and per campaign the totals, per shop and per day the sales, and the newest change's time.
 */
import { type CampaignFigures, combineFigures, type SalesFigures, ZERO_FIGURES } from './campaign-figures.ts';
import { applyEntitlement, type HouseholdUsage, usageFigures } from './household-usage.ts';
import type { ChangeEffect } from './ledger-change.ts';

/** One string per household, for maps. */
export const householdId = (campaignId: string, householdRef: string) => `${campaignId}\n${householdRef}`;

export interface CountedChanges {
  /** The households the changes moved, as they are after them. */
  readonly households: ReadonlyMap<string, HouseholdUsage>;
  readonly totals: ReadonlyMap<string, CampaignFigures>;
  /** By campaign and shop. */
  readonly shops: ReadonlyMap<string, { campaignId: string; merchantId: string; sales: SalesFigures }>;
  /** By campaign and Brussels day. */
  readonly days: ReadonlyMap<string, { campaignId: string; date: string; sales: SalesFigures }>;
  /** By campaign: when the newest change counted was made. */
  readonly asOf: ReadonlyMap<string, string>;
}

const plus = (a: SalesFigures | undefined, redemptions: number, amountCents: number): SalesFigures => ({
  redemptions: (a?.redemptions ?? 0) + redemptions,
  amountCents: (a?.amountCents ?? 0) + amountCents,
});

export function countChanges(
  effects: readonly ChangeEffect[],
  householdBefore: (id: string, campaignId: string, householdRef: string) => HouseholdUsage,
): CountedChanges {
  const households = new Map<string, HouseholdUsage>();
  const totals = new Map<string, CampaignFigures>();
  const shops = new Map<string, { campaignId: string; merchantId: string; sales: SalesFigures }>();
  const days = new Map<string, { campaignId: string; date: string; sales: SalesFigures }>();
  const asOf = new Map<string, string>();
  const addTotals = (campaignId: string, delta: Partial<CampaignFigures>, sign: 1 | -1 = 1) =>
    totals.set(campaignId, combineFigures(totals.get(campaignId) ?? ZERO_FIGURES, delta, sign));

  for (const effect of effects) {
    for (const delta of effect.entitlements) {
      const id = householdId(delta.campaignId, delta.householdRef);
      const before = households.get(id) ?? householdBefore(id, delta.campaignId, delta.householdRef);
      const after = applyEntitlement(before, delta);
      households.set(id, after);
      // The household's contribution to its campaign's figures moves from what it was to what it is.
      addTotals(delta.campaignId, usageFigures(after));
      addTotals(delta.campaignId, usageFigures(before), -1);
    }
    for (const delta of effect.sales) {
      const { campaignId, merchantId, date, redemptions, amountCents } = delta;
      addTotals(campaignId, { redemptions, redeemedCents: amountCents });
      const shop = `${campaignId}\n${merchantId}`;
      shops.set(shop, { campaignId, merchantId, sales: plus(shops.get(shop)?.sales, redemptions, amountCents) });
      const day = `${campaignId}\n${date}`;
      days.set(day, { campaignId, date, sales: plus(days.get(day)?.sales, redemptions, amountCents) });
    }
    for (const { campaignId } of [...effect.entitlements, ...effect.sales]) {
      const latest = asOf.get(campaignId);
      if (effect.at && (!latest || effect.at > latest)) asOf.set(campaignId, effect.at);
    }
  }
  return { households, totals, shops, days, asOf };
}
