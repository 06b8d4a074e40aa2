/** GET /campaigns: every campaign, for staff. */
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignStore(tableFromEnvironment());

export const handler = httpHandler(campaignRoutes.listCampaigns, ({ query }) => campaigns.page(query));
