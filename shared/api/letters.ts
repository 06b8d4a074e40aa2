/** Schemas of the letter routes (staff, admin). */
import * as z from 'zod/mini';
import { LETTER_RUN_STATUSES } from '../letters/letter-run.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const LetterRunListQuerySchema = pageQuerySchema({ defaultLimit: 100, maxLimit: 500 });

export const LetterRunParamsSchema = z.extend(CampaignIdParamsSchema, {
  runId: z.string().check(z.regex(/^L[0-9A-Z]{16}$/, 'not a letter run id')),
});

export const LetterBatchParamsSchema = z.extend(LetterRunParamsSchema, {
  batchId: z.string().check(z.regex(/^\d{1,3}$/, 'a batch is numbered 1, 2, ...')),
});

export const LetterRunAcceptedSchema = z.object({ runId: z.string() }).check(z.meta({ id: 'LetterRunAccepted' }));

export const LetterRunSchema = z
  .object({
    runId: z.string(),
    campaignId: z.string(),
    status: z.enum(LETTER_RUN_STATUSES),
    createdAt: z.string(),
    finishedAt: z.nullable(z.string()),
    letters: z.int().check(z.nonnegative(), z.meta({ description: 'Vouchers printed (one letter each)' })),
    envelopes: z.int().check(z.nonnegative(), z.meta({ description: 'Postal items: minors of a household share one' })),
    progress: z.object({ batchesDone: z.int().check(z.nonnegative()), batchesTotal: z.int().check(z.nonnegative()) }),
    batches: z.array(
      z.object({
        batchId: z.string(),
        status: z.enum(['PENDING', 'DONE']),
        letters: z.int().check(z.nonnegative()),
        envelopes: z.int().check(z.nonnegative()),
        pages: z.int().check(z.nonnegative()),
        postcodes: z.object({ from: z.string(), to: z.string() }),
      }),
    ),
    error: z.optional(z.string()),
  })
  .check(z.meta({ id: 'LetterRun' }));

export const LetterRunListSchema = z
  .object({
    items: z.array(
      z.object({
        runId: z.string(),
        status: z.enum(LETTER_RUN_STATUSES),
        createdAt: z.string(),
        letters: z.int().check(z.nonnegative()),
        envelopes: z.int().check(z.nonnegative()),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .check(z.meta({ id: 'LetterRunList' }));

export const LetterBatchLinkSchema = z
  .object({
    downloadUrl: z.string().check(z.meta({ description: 'The batch PDF (holds spendable codes): a 5-minute link' })),
    manifestUrl: z.string().check(z.meta({ description: "The print shop's CSV: envelope, pages, postcode" })),
    expiresAt: z.string(),
  })
  .check(z.meta({ id: 'LetterBatchLink' }));
