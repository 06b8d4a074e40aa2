/** GET /settlement-runs/{runId}: the run, its settlements and what waits. */
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementReader } from './settlement-services.ts';

const settlement = settlementReader();

export const handler = httpHandler(settlementRoutes.getSettlementRun, ({ params }) => settlement.get(params.runId));
