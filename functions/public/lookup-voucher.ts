/** GET /public/vouchers/{code}: a voucher's balance for its holder; failed look-ups throttled per address. */
import { createPublicVoucherService } from '../../shared/services/public-service.ts';
import { publicRoutes } from '../routes/public.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { once } from '../runtime/once.ts';
import { personKey } from '../runtime/person-key.ts';

const service = once(async () =>
  createPublicVoucherService({ ...(await ledgerDependencies()), personKey: await personKey() }),
);

export const handler = httpHandler(publicRoutes.lookupPublicVoucher, async ({ params, event }) =>
  (await service()).balance(event.requestContext.http.sourceIp, params.code),
);
