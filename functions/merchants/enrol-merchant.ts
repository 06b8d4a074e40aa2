/** PUT /campaigns/{campaignId}/merchants/{merchantId}: enrol a shop in a campaign (idempotent, audited once). */
import { merchantAdminRoutes } from '../routes/merchants.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { callerOf, merchants } from './merchant-service.ts';

const route = merchantAdminRoutes.enrolMerchant;

export const handler = httpHandler(route, async (request) =>
  merchants.enrol(request.params.merchantId, request.params.campaignId, callerOf(request, route.access)),
);
