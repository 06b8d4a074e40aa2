/** GET …/applications/{applicationId}: the application, its applicant and a short-lived proof link (audited). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { reviewServiceWithProofs } from './application-services.ts';

const route = applicationRoutes.getApplication;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  (await reviewServiceWithProofs()).view(params.campaignId, params.applicationId, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
