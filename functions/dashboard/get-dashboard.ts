/** GET /campaigns/{campaignId}/dashboard: the campaign's live figures, for staff and finance. */
import { createDashboardService } from '../../shared/services/dashboard-service.ts';
import { dashboardRoutes } from '../routes/dashboard.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const dashboard = createDashboardService({ table: tableFromEnvironment() });

export const handler = httpHandler(dashboardRoutes.getCampaignDashboard, ({ params }) =>
  dashboard.get(params.campaignId),
);
