/** GET /settlement-runs: the runs, newest first. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { settlementReader } from './settlement-services.ts';

const settlement = settlementReader();

export const handler = httpHandler(ROUTES.listSettlementRuns, async ({ query }) => {
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
