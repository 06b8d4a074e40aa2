/** PATCH /campaigns/{campaignId}: extend a campaign's end date (only later; audited; idempotent). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createCampaignService } from '../../shared/services/campaign-service.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignService({ table: tableFromEnvironment(), now: () => new Date() });
const route = campaignRoutes.extendCampaign;

export const handler = httpHandler(route, async ({ params, body, principal, correlationId }) =>
  campaigns.extend(params.campaignId, body.endDate, actorOf(principal, route.access), correlationId),
);
