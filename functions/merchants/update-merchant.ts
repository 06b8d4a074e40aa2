/** PATCH /merchants/{merchantId}: change a shop (audited); INACTIVE stops its redemptions at once. */
import { merchantAdminRoutes } from '../routes/merchants.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { callerOf, merchants } from './merchant-service.ts';

const route = merchantAdminRoutes.updateMerchant;

export const handler = httpHandler(route, async (request) =>
  merchants.update(request.params.merchantId, request.body, callerOf(request, route.access)),
);
