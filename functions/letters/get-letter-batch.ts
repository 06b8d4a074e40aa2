/** GET …/letter-runs/{runId}/batches/{batchId}: 5-minute links to a batch's PDF and manifest (audited). */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { letterRoutes } from '../routes/letters.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterBatches } from './letter-batch-links.ts';

const letters = letterBatches();
const route = letterRoutes.getLetterBatch;

export const handler = httpHandler(route, ({ params, principal, correlationId }) =>
  letters.batchUrl(params.campaignId, params.runId, params.batchId, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
