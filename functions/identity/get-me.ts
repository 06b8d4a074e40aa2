/** GET /me: the signed-in user, with the shop's name for merchant users. */
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { identityRoutes } from '../routes/identity.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const merchants = createMerchantStore(tableFromEnvironment());

export const handler = httpHandler(identityRoutes.getMe, async ({ principal }) => {
  const merchant = principal.merchantId ? await merchants.get(principal.merchantId) : undefined;
  return {
    username: principal.username,
    roles: [...principal.roles],
    ...(principal.merchantId ? { merchantId: principal.merchantId } : {}),
    ...(merchant ? { merchantName: merchant.name } : {}),
  };
});
