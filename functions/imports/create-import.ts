/** POST /campaigns/{campaignId}/imports: a new import and its presigned upload URL. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { importRoutes } from '../routes/imports.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { importService } from './import-service.ts';

const imports = importService({ documents: documentsFromEnvironment() });
const route = importRoutes.createImport;

export const handler = httpHandler(route, async ({ params, body, principal, correlationId }) =>
  imports.create(params.campaignId, actorOf(principal, route.access), correlationId, body?.bytes),
);
