/** POST /campaigns/{campaignId}/imports/{importId}/resume: 202 once a new worker is taking a stuck import over. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { importServiceFromEnvironment } from './import-service.ts';

const imports = importServiceFromEnvironment({ startsJobs: true });
const route = ROUTES.resumeImport;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  imports.resume(params.campaignId, params.importId, actorOf(principal, route.access), correlationId),
);
