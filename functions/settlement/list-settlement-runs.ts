/** GET /settlement-runs: the runs, newest first. */
import { settlementRoutes } from '../routes/settlement.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementReader } from './settlement-services.ts';

const settlement = settlementReader();

export const handler = httpHandler(settlementRoutes.listSettlementRuns, async ({ query }) => {
  const page = await settlement.list(query);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((run) => ({
      ...run,
      totalCents: run.totalCents ?? 0,
      payoutDeadline: run.payoutDeadline ?? null,
    })),
  };
});
