/** GET /merchant/vouchers/{code}: balance and validity of a voucher for the shop that scanned it. */
import { createRedemptionService } from '../../shared/services/redemption-service.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { ledgerDependencies, once } from '../runtime/ledger.ts';
import { merchantWriteRequest } from '../runtime/write-request.ts';

const service = once(async () => createRedemptionService(await ledgerDependencies()));
const route = ROUTES.lookupVoucher;

export const handler = httpHandler(route, async (request) => {
  const { principal } = merchantWriteRequest(request, route.access);
  return (await service()).lookup(principal.merchantId, request.params.code);
});
