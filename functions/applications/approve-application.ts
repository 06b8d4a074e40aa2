/** POST …/applications/{applicationId}/approve: approve and issue the voucher. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { reviewServiceWithIssuance } from './application-services.ts';

const route = applicationRoutes.approveApplication;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  (await reviewServiceWithIssuance()).approve(params.campaignId, params.applicationId, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
