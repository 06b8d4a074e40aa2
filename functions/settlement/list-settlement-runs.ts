/** GET /settlement-runs: the runs, newest first. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementReader } from './settlement-services.ts';

const settlement = settlementReader();

export const handler = httpHandler(ROUTES.listSettlementRuns, async () => ({
  items: (await settlement.list()).map((run) => ({
    ...run,
    totalCents: run.totalCents ?? 0,
    payoutDeadline: run.payoutDeadline ?? null,
  })),
}));
