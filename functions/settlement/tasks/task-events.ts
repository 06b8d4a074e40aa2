/** The events the settlement state machine hands its Lambda tasks (infra/workflows/settlement-workflow.ts). */
import * as z from 'zod/mini';

const RunId = z.string().check(z.regex(/^P[0-9A-Z]{16}$/));

export const RunTaskEvent = z.object({ runId: RunId, executionId: z.string().check(z.minLength(1)) });

export const OpenRunEvent = z.object({
  /** The execution's input: a run named by POST /settlement-runs, or nothing from the daily schedule. */
  execution: z.looseObject({ runId: z.optional(RunId) }),
  executionId: z.string().check(z.minLength(1)),
});

export const SettleShopEvent = z.extend(RunTaskEvent, { merchantId: z.string().check(z.minLength(1)) });

export const ShopOutcomeSchema = z.object({
  merchantId: z.string(),
  done: z.boolean(),
  settlementId: z.optional(z.string()),
  waiting: z.optional(
    z.object({
      merchantId: z.string(),
      merchantName: z.string(),
      amountCents: z.int().check(z.nonnegative()),
      redemptions: z.int().check(z.nonnegative()),
      reason: z.literal('NO_IBAN'),
    }),
  ),
});

export const BuildDocumentsEvent = z.extend(RunTaskEvent, { shops: z.array(ShopOutcomeSchema) });

export const MarkFailedEvent = z.extend(RunTaskEvent, {
  /** What Step Functions caught: `{ Error, Cause }`. */
  failure: z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});
