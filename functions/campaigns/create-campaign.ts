/** POST /campaigns: create a campaign (audited; the same request again answers the same campaign). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createCampaignService } from '../../shared/services/campaign-service.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignService({ table: tableFromEnvironment(), now: () => new Date() });
const route = campaignRoutes.createCampaign;

export const handler = httpHandler(route, async ({ body, principal, correlationId }) =>
  campaigns.create(body, actorOf(principal, route.access), correlationId),
);
