/** POST /campaigns/{campaignId}/issuance/{runId}/resume: 202 once a new worker is taking a stuck run over. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createIssuanceService } from '../../shared/services/issuance-service.ts';
import { issuanceRoutes } from '../routes/issuance.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { jobLeaseSeconds } from '../runtime/job-lease.ts';
import { jobStarter } from '../runtime/jobs.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const issuance = createIssuanceService({
  table: tableFromEnvironment(),
  now: () => new Date(),
  startJob: jobStarter(['issueVouchers']),
  leaseSeconds: jobLeaseSeconds(),
});
const route = issuanceRoutes.resumeIssuance;

export const handler = httpHandler(route, async ({ params, principal, idempotencyKey, correlationId }) =>
  issuance.resume(params.campaignId, params.runId, {
    actor: actorOf(principal, route.access),
    userId: principal.userId,
    idempotencyKey,
    requestId: correlationId,
  }),
);
