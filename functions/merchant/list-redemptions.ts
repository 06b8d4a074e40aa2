/** GET /merchant/redemptions?from&to: the shop's own redemptions and their total. */
import { createRedemptionService } from '../../shared/services/redemption-service.ts';
import { merchantRoutes } from '../routes/merchant.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { merchantPrincipal } from '../runtime/merchant-request.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

// No code key: the list finds no voucher by its code, and the function is granted no secret.
const service = createRedemptionService({ table: tableFromEnvironment(), now: () => new Date() });
const route = merchantRoutes.listMerchantRedemptions;

export const handler = httpHandler(route, async (request) => {
  const principal = merchantPrincipal(request.principal);
  return service.listForMerchant(principal.merchantId, request.query);
});
