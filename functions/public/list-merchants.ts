/** GET /public/merchants: the active partner shops, by name, without bank or contact details. */
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { compareMerchantNames, toPublicMerchant } from '../../shared/merchants/merchant.ts';
import { publicRoutes } from '../routes/public.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const merchants = createMerchantStore(tableFromEnvironment());

export const handler = httpHandler(publicRoutes.listPublicMerchants, async ({ query }) => {
  const page = await merchants.page(query, (merchant) => merchant.status === 'ACTIVE');
  return { items: page.items.sort(compareMerchantNames).map(toPublicMerchant), nextCursor: page.nextCursor };
});
