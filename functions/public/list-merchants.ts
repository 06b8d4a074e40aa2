/** GET /public/merchants: the active partner shops, by name, without bank or contact details. */
import { z } from 'zod';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { compareMerchantNames, toPublicMerchant } from '../../shared/merchants/merchant.ts';
import { ROUTES } from '../routes/index.ts';
import { awsClientOptions, loadConfig } from '../runtime/config.ts';
import { httpHandler } from '../runtime/http-handler.ts';

const config = loadConfig({ TABLE_NAME: z.string().min(3) });
const merchants = createMerchantStore({
  doc: createDynamoDbClients(awsClientOptions(config)).doc,
  tableName: config.TABLE_NAME,
});

export const handler = httpHandler(ROUTES.listPublicMerchants, async () => {
  const all = await merchants.list();
  const items = all
    .filter((merchant) => merchant.status === 'ACTIVE')
    .sort(compareMerchantNames)
    .map(toPublicMerchant);
  return { items };
});
