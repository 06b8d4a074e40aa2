/** GET /settlement-runs/{runId}/files/{kind}: a 5-minute link to a document of the run (audited). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementDocuments } from './settlement-file-links.ts';

const settlement = settlementDocuments();
const route = settlementRoutes.getSettlementRunFile;

export const handler = httpHandler(route, ({ params, principal, correlationId }) =>
  settlement.fileUrl(params.runId, params.kind, { actor: actorOf(principal, route.access), requestId: correlationId }),
);
