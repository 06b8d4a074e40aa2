/**
 * The campaign dashboard: issuance from the campaign's own counters, everything else from the aggregates the
 * stream aggregator keeps (dashboard-aggregation.ts), with the names of the campaign's shops.
 */
import type { Dashboard } from '../api/dashboard.ts';
import { type CampaignTotals, dashboardView } from '../dashboard/dashboard-view.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { createDashboardStore } from '../data/dashboard-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import type { TableContext } from '../data/table.ts';
import { DomainError } from '../errors/domain-error.ts';

export function createDashboardService(deps: { table: TableContext }) {
  const campaigns = createCampaignStore(deps.table);
  const merchants = createMerchantStore(deps.table);
  const dashboard = createDashboardStore(deps.table);

  return {
    async get(campaignId: string): Promise<Dashboard> {
      // Four reads at once: the campaign, its aggregates, its shops and every shop's name (tens of shops).
      const [campaign, aggregated, enrolments, shops] = await Promise.all([
        campaigns.get(campaignId),
        dashboard.figures(campaignId),
        merchants.enrolments(campaignId),
        merchants.list(),
      ]);
      if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
      const names = new Map(shops.map((shop) => [shop.merchantId, shop.name]));
      // Shops that sold in the campaign are listed too, should one have left it since.
      const listed = new Set([...enrolments.map(({ merchantId }) => merchantId), ...aggregated.byMerchant.keys()]);
      const shopNames = new Map([...listed].map((merchantId) => [merchantId, names.get(merchantId) ?? merchantId]));
      // The campaign item carries its issuance counters (issuedCount, issuedValueCents) beside its fields.
      const totals: CampaignTotals = campaign;
      return dashboardView(totals, aggregated, shopNames);
    },
  };
}
