/** Schemas of the letter routes (staff, admin). */
import * as z from 'zod';
import { LETTER_RUN_STATUSES } from '../letters/letter-run.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const LetterRunListQuerySchema = pageQuerySchema({ defaultLimit: 100, maxLimit: 500 });

export const LetterRunParamsSchema = CampaignIdParamsSchema.extend({
  runId: z.string().regex(/^L[0-9A-Z]{16}$/, 'not a letter run id'),
});

export const LetterBatchParamsSchema = LetterRunParamsSchema.extend({
  batchId: z.string().regex(/^\d{1,3}$/, 'a batch is numbered 1, 2, ...'),
});

export const LetterRunAcceptedSchema = z.object({ runId: z.string() }).meta({ id: 'LetterRunAccepted' });

export const LetterRunSchema = z
  .object({
    runId: z.string(),
    campaignId: z.string(),
    status: z.enum(LETTER_RUN_STATUSES),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    letters: z.int().nonnegative().meta({ description: 'Vouchers printed (one letter each)' }),
    envelopes: z.int().nonnegative().meta({ description: 'Postal items: minors of a household share one' }),
    progress: z.object({ batchesDone: z.int().nonnegative(), batchesTotal: z.int().nonnegative() }),
    batches: z.array(
      z.object({
        batchId: z.string(),
        status: z.enum(['PENDING', 'DONE']),
        letters: z.int().nonnegative(),
        envelopes: z.int().nonnegative(),
        pages: z.int().nonnegative(),
        postcodes: z.object({ from: z.string(), to: z.string() }),
      }),
    ),
    error: z.string().optional(),
  })
  .meta({ id: 'LetterRun' });

export const LetterRunListSchema = z
  .object({
    items: z.array(
      z.object({
        runId: z.string(),
        status: z.enum(LETTER_RUN_STATUSES),
        createdAt: z.string(),
        letters: z.int().nonnegative(),
        envelopes: z.int().nonnegative(),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .meta({ id: 'LetterRunList' });

export const LetterBatchLinkSchema = z
  .object({
    downloadUrl: z.string().meta({ description: 'The batch PDF (holds spendable codes): a 5-minute link' }),
    manifestUrl: z.string().meta({ description: "The print shop's CSV: envelope, pages, postcode" }),
    expiresAt: z.string(),
  })
  .meta({ id: 'LetterBatchLink' });
