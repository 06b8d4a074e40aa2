/** GET /campaigns/{campaignId}/imports/{importId}: status, counts and links to the reports. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { importRoutes } from '../routes/imports.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { importService } from './import-service.ts';

const imports = importService({ documents: documentsFromEnvironment() });
const route = importRoutes.getImport;

export const handler = httpHandler(route, async ({ params, principal, correlationId }) =>
  imports.status(params.campaignId, params.importId, actorOf(principal, route.access), correlationId),
);
