/** GET /public/campaigns: the campaigns that take applications now, for the application page. */
import { campaignsTakingApplications } from '../../shared/services/public-service.ts';
import { publicRoutes } from '../routes/public.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const table = tableFromEnvironment();

export const handler = httpHandler(publicRoutes.listOpenCampaigns, ({ query }) =>
  campaignsTakingApplications({ table, now: () => new Date() }, query),
);
