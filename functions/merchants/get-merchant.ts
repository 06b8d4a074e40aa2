/** GET /merchants/{merchantId}: one shop, its IBAN in full for finance and admin only. */
import { merchantAdminRoutes } from '../routes/merchants.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { merchants } from './merchant-service.ts';

export const handler = httpHandler(merchantAdminRoutes.getMerchant, async ({ params, principal }) =>
  merchants.get(params.merchantId, principal.roles),
);
