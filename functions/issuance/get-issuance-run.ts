/** GET /campaigns/{campaignId}/issuance/{runId}: a run's status and counts. */
import { createIssuanceService } from '../../shared/services/issuance-service.ts';
import { issuanceRoutes } from '../routes/issuance.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const issuance = createIssuanceService({
  table: tableFromEnvironment(),
  now: () => new Date(),
  startJob: () => Promise.reject(new Error('This handler starts no job')),
});

export const handler = httpHandler(issuanceRoutes.getIssuanceRun, async ({ params }) => {
  const run = await issuance.get(params.campaignId, params.runId);
  return { ...run, startedAt: run.startedAt ?? null, finishedAt: run.finishedAt ?? null };
});
