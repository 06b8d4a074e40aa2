/** GET /campaigns: every campaign, for staff. */
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignStore(tableFromEnvironment());

export const handler = httpHandler(ROUTES.listCampaigns, ({ query }) => campaigns.page(query));
