/** POST /campaigns/{campaignId}/letter-runs: 202 with the run id; the state machine prints the letters. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { letterRoutes } from '../routes/letters.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterRunStarter } from './letter-services.ts';

const letters = letterRunStarter();
const route = letterRoutes.startLetterRun;

export const handler = httpHandler(route, ({ params, principal, idempotencyKey, correlationId }) =>
  letters.start(params.campaignId, {
    actor: actorOf(principal, route.access),
    idempotencyKey,
    requestId: correlationId,
  }),
);
