/** POST /merchants: onboard a shop (audited; the same request again answers the same shop). */
import { merchantAdminRoutes } from '../routes/merchants.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { callerOf, merchants } from './merchant-service.ts';

const route = merchantAdminRoutes.createMerchant;

export const handler = httpHandler(route, async (request) =>
  merchants.create(request.body, callerOf(request, route.access)),
);
