/** POST /vouchers/{voucherId}/void-and-reissue: replace a lost voucher; its new code goes to the next letter only. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createVoucherService } from '../../shared/services/voucher-service.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { once } from '../runtime/once.ts';

const service = once(async () =>
  createVoucherService({ ...(await ledgerDependencies()), documents: documentsFromEnvironment() }),
);
const route = campaignRoutes.voidAndReissueVoucher;

export const handler = httpHandler(route, async ({ params, principal, idempotencyKey, correlationId }) =>
  (await service()).voidAndReissue(
    {
      actor: actorOf(principal, route.access),
      userId: principal.userId,
      idempotencyKey,
      requestId: correlationId,
    },
    params.voucherId,
  ),
);
