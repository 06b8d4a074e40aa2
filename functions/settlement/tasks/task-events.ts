/** The events the settlement state machine hands its Lambda tasks (infra/workflows/settlement-workflow.ts). */
import * as z from 'zod';

const RunId = z.string().regex(/^P[0-9A-Z]{16}$/);

export const RunTaskEvent = z.object({ runId: RunId, executionId: z.string().min(1) });

export const OpenRunEvent = z.object({
  /** The execution's input: a run named by POST /settlement-runs, or nothing from the daily schedule. */
  execution: z.object({ runId: RunId.optional() }).loose(),
  executionId: z.string().min(1),
});

export const SettleShopEvent = RunTaskEvent.extend({ merchantId: z.string().min(1) });

export const ShopOutcomeSchema = z.object({
  merchantId: z.string(),
  done: z.boolean(),
  settlementId: z.string().optional(),
  waiting: z
    .object({
      merchantId: z.string(),
      merchantName: z.string(),
      amountCents: z.int().nonnegative(),
      redemptions: z.int().nonnegative(),
      reason: z.literal('NO_IBAN'),
    })
    .optional(),
});

export const BuildDocumentsEvent = RunTaskEvent.extend({ shops: z.array(ShopOutcomeSchema) });

export const MarkFailedEvent = RunTaskEvent.extend({
  /** What Step Functions caught: `{ Error, Cause }`. */
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose(),
});
