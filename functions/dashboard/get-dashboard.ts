/** GET /campaigns/{campaignId}/dashboard: the campaign's live figures, for staff and finance. */
import { createDashboardService } from '../../shared/services/dashboard-service.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const dashboard = createDashboardService({ table: tableFromEnvironment() });

export const handler = httpHandler(ROUTES.getCampaignDashboard, ({ params }) => dashboard.get(params.campaignId));
