/** GET /merchant/settlements: the shop's own settlements, newest first. */
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { merchantPrincipal } from '../runtime/merchant-request.ts';
import { settlementReader } from '../settlement/settlement-services.ts';

const settlement = settlementReader();

export const handler = httpHandler(settlementRoutes.listMerchantSettlements, ({ principal, query }) =>
  settlement.forMerchant(merchantPrincipal(principal).merchantId, query),
);
