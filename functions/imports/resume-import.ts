/** POST /campaigns/{campaignId}/imports/{importId}/resume: 202 once a new worker is taking a stuck import over. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { importRoutes } from '../routes/imports.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { jobStarter } from '../runtime/jobs.ts';
import { importService } from './import-service.ts';

const imports = importService({ startJob: jobStarter(['importRegister']) });
const route = importRoutes.resumeImport;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  imports.resume(params.campaignId, params.importId, actorOf(principal, route.access), correlationId),
);
