/** POST /settlement-runs: 202 with the run id; the state machine does the work. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementStarter } from './settlement-services.ts';

const settlement = settlementStarter();
const route = settlementRoutes.startSettlementRun;

export const handler = httpHandler(route, ({ body, principal, idempotencyKey, correlationId }) =>
  settlement.start({
    actor: actorOf(principal, route.access),
    idempotencyKey,
    requestId: correlationId,
    ...(body?.cutoff ? { cutoff: new Date(body.cutoff) } : {}),
  }),
);
