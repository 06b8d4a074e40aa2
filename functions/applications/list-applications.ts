/** GET /campaigns/{campaignId}/applications?status=…: the review queue (audited look-up). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { listingService } from './review-services.ts';

const route = applicationRoutes.listApplications;

export const handler = httpHandler(route, async ({ params, query, principal, correlationId }) =>
  (await listingService()).list(params.campaignId, query.status, query, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
