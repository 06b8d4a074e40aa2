/** POST …/applications/{applicationId}/reject: reject with a reason. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { rejectingService } from './review-services.ts';

const route = applicationRoutes.rejectApplication;

export const handler = httpHandler(route, async ({ params, body, principal, correlationId }) =>
  (await rejectingService()).reject(params.campaignId, params.applicationId, body.reason, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
