/** The dashboard's answer, from the campaign, its aggregated figures and its shops' names. */
import type { Dashboard } from '../api/dashboard.ts';
import type { CampaignFigures, SalesFigures } from './campaign-figures.ts';

export interface CampaignTotals {
  readonly campaignId: string;
  readonly budgetCents: number;
  readonly createdAt: string;
  /** The issuance counters kept on the campaign itself, in the same transaction as each voucher. */
  readonly issuedCount?: number;
  readonly issuedValueCents?: number;
}

export interface AggregatedFigures {
  readonly figures: CampaignFigures;
  /** When the newest change counted was made; absent while nothing was counted. */
  readonly asOf?: string;
  readonly byMerchant: ReadonlyMap<string, SalesFigures>;
  readonly byDay: ReadonlyMap<string, SalesFigures>;
}

export function dashboardView(
  campaign: CampaignTotals,
  aggregated: AggregatedFigures,
  shopNames: ReadonlyMap<string, string>,
): Dashboard {
  const { figures } = aggregated;
  const issuedValueCents = campaign.issuedValueCents ?? 0;
  const byMerchant = [...new Set([...shopNames.keys(), ...aggregated.byMerchant.keys()])]
    .map((merchantId) => {
      const sales = aggregated.byMerchant.get(merchantId);
      return {
        merchantId,
        name: shopNames.get(merchantId) ?? merchantId,
        redemptions: sales?.redemptions ?? 0,
        amountCents: sales?.amountCents ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.amountCents - a.amountCents ||
        a.name.localeCompare(b.name, 'fr') ||
        (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0),
    );
  const byDay = [...aggregated.byDay.entries()]
    .filter(([, sales]) => sales.redemptions !== 0 || sales.amountCents !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, sales]) => ({ date, redemptions: sales.redemptions, amountCents: sales.amountCents }));
  return {
    campaignId: campaign.campaignId,
    asOf: aggregated.asOf ?? campaign.createdAt,
    budgetCents: campaign.budgetCents,
    issued: { count: campaign.issuedCount ?? 0, valueCents: issuedValueCents },
    redeemed: { count: figures.redemptions, valueCents: figures.redeemedCents },
    remainingCents: campaign.budgetCents - figures.redeemedCents,
    unissuedCents: campaign.budgetCents - issuedValueCents,
    remainingBalancesCents: figures.remainingBalancesCents,
    households: { total: figures.households, used: figures.householdsUsed },
    vouchers: {
      notUsed: figures.vouchersNotUsed,
      partlyUsed: figures.vouchersPartlyUsed,
      fullyUsed: figures.vouchersFullyUsed,
    },
    byMerchant,
    byDay,
  };
}
