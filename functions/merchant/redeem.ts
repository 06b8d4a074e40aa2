/** POST /merchant/redemptions: take an amount from a voucher, exactly once per Idempotency-Key. */
import { createRedemptionService } from '../../shared/services/redemption-service.ts';
import { merchantRoutes } from '../routes/merchant.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { merchantWriteRequest } from '../runtime/merchant-request.ts';
import { once } from '../runtime/once.ts';

const service = once(async () => createRedemptionService(await ledgerDependencies()));
const route = merchantRoutes.redeem;

export const handler = httpHandler(route, async (request) =>
  (await service()).redeem(merchantWriteRequest(request, route.access), request.body),
);
