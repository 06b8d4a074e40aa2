/** PATCH /campaigns/{campaignId}: extend a campaign's end date (only later; audited; idempotent). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createCampaignService } from '../../shared/services/campaign-service.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignService({ table: tableFromEnvironment(), now: () => new Date() });
const route = ROUTES.extendCampaign;

export const handler = httpHandler(route, async ({ params, body, principal, correlationId }) =>
  campaigns.extend(params.campaignId, body.endDate, actorOf(principal, route.access), correlationId),
);
