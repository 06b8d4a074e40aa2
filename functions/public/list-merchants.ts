/** GET /public/merchants: the active partner shops, by name, without bank or contact details. */
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { compareMerchantNames, toPublicMerchant } from '../../shared/merchants/merchant.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const merchants = createMerchantStore(tableFromEnvironment());

export const handler = httpHandler(ROUTES.listPublicMerchants, async () => {
  const all = await merchants.list();
  const items = all
    .filter((merchant) => merchant.status === 'ACTIVE')
    .sort(compareMerchantNames)
    .map(toPublicMerchant);
  return { items };
});
