/** POST /campaigns/{campaignId}/imports/{importId}/process: 202, the import job runs in the background. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { importRoutes } from '../routes/imports.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { jobStarter } from '../runtime/jobs.ts';
import { importService } from './import-service.ts';

const imports = importService({ documents: documentsFromEnvironment(), startJob: jobStarter(['importRegister']) });
const route = importRoutes.processImport;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  imports.process(params.campaignId, params.importId, actorOf(principal, route.access), correlationId),
);
