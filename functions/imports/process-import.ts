/** POST /campaigns/{campaignId}/imports/{importId}/process: 202, the import job runs in the background. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { importServiceFromEnvironment } from './import-service.ts';

const imports = importServiceFromEnvironment({ startsJobs: true });
const route = ROUTES.processImport;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  imports.process(params.campaignId, params.importId, actorOf(principal, route.access), correlationId),
);
