/** POST …/applications/{applicationId}/reject: reject with a reason. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { reviewServiceWithMail } from './application-services.ts';

const route = applicationRoutes.rejectApplication;

export const handler = httpHandler(route, async ({ params, body, principal, correlationId }) =>
  (await reviewServiceWithMail()).reject(params.campaignId, params.applicationId, body.reason, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
