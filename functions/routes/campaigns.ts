/** Campaign routes, for the town's staff. */
import { CampaignIdParamsSchema, CampaignSchema } from '../../shared/api/campaigns.ts';
import { defineRoute } from './route.ts';

export const campaignRoutes = {
  getCampaign: defineRoute({
    operationId: 'getCampaign',
    method: 'GET',
    path: '/campaigns/{campaignId}',
    entry: 'functions/campaigns/get-campaign.ts',
    access: ['staff', 'admin'],
    summary: 'One campaign: amounts, dates and eligibility bands',
    tag: 'campaigns',
    params: CampaignIdParamsSchema,
    success: { status: 200, description: 'The campaign', schema: CampaignSchema },
    errors: ['CAMPAIGN_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
};
