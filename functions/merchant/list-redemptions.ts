/** GET /merchant/redemptions?from&to: the shop's own redemptions and their total. */
import { createRedemptionService } from '../../shared/services/redemption-service.ts';
import { merchantRoutes } from '../routes/merchant.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { merchantPrincipal } from '../runtime/merchant-request.ts';
import { once } from '../runtime/once.ts';

const service = once(async () => createRedemptionService(await ledgerDependencies()));
const route = merchantRoutes.listMerchantRedemptions;

export const handler = httpHandler(route, async (request) => {
  const principal = merchantPrincipal(request.principal);
  return (await service()).listForMerchant(principal.merchantId, request.query);
});
