/** The campaign dashboard: staff follow the scheme live, finance sees what it will pay. */
import { CampaignIdParamsSchema } from '../../shared/api/campaigns.ts';
import { DashboardSchema } from '../../shared/api/dashboard.ts';
import { defineRoute } from './route.ts';

export const dashboardRoutes = {
  getCampaignDashboard: defineRoute({
    operationId: 'getCampaignDashboard',
    method: 'GET',
    path: '/campaigns/{campaignId}/dashboard',
    entry: 'functions/dashboard/get-dashboard.ts',
    access: ['staff', 'admin', 'finance'],
    summary:
      'Budget, issued, redeemed net of reversals, remaining, households, voucher use, per shop and per day: ' +
      'equal to the ledger’s sums, counted from the table’s stream within seconds of each change',
    tag: 'dashboard',
    params: CampaignIdParamsSchema,
    success: { status: 200, description: 'The campaign’s figures', schema: DashboardSchema },
    errors: ['CAMPAIGN_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
};
