/** POST /settlement-runs/{runId}/approval: finance confirms the payment file went to the bank. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementReader } from './settlement-services.ts';

const settlement = settlementReader();
const route = settlementRoutes.approveSettlementRun;

export const handler = httpHandler(route, ({ params, principal, idempotencyKey, correlationId }) =>
  settlement.approve(params.runId, {
    actor: actorOf(principal, route.access),
    idempotencyKey,
    requestId: correlationId,
  }),
);
