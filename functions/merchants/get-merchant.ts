/** GET /merchants/{merchantId}: one shop, its IBAN in full for finance and admin only. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { merchants } from './merchant-service.ts';

export const handler = httpHandler(ROUTES.getMerchant, async ({ params, principal }) =>
  merchants.get(params.merchantId, principal.roles),
);
