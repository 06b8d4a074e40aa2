/** GET /merchants: every shop by name, IBANs in full for finance and admin only. */
import { merchantAdminRoutes } from '../routes/merchants.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { merchants } from './merchant-service.ts';

export const handler = httpHandler(merchantAdminRoutes.listMerchants, async ({ principal, query }) =>
  merchants.list(principal.roles, query),
);
