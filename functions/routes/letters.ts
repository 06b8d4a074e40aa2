/** Letter routes: staff start a letter run for a campaign, follow it, and download its print batches. */
import { CampaignIdParamsSchema } from '../../shared/api/campaigns.ts';
import {
  LetterBatchLinkSchema,
  LetterBatchParamsSchema,
  LetterRunAcceptedSchema,
  LetterRunListQuerySchema,
  LetterRunListSchema,
  LetterRunParamsSchema,
  LetterRunSchema,
} from '../../shared/api/letters.ts';
import { defineRoute } from './route.ts';

const STAFF = ['staff', 'admin'] as const;

export const letterRoutes = {
  startLetterRun: defineRoute({
    operationId: 'startLetterRun',
    method: 'POST',
    path: '/campaigns/{campaignId}/letter-runs',
    entry: 'functions/letters/start-letter-run.ts',
    access: STAFF,
    summary:
      'Print a letter for every issued voucher of the campaign that has none yet, replacements included, in the background (a run that stopped half-way is resumed instead, and its id answered)',
    tag: 'letters',
    params: CampaignIdParamsSchema,
    idempotencyKey: true,
    success: { status: 202, description: 'The run (the same one for the same key)', schema: LetterRunAcceptedSchema },
    errors: ['CAMPAIGN_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT'],
    permissions: { table: 'readWrite', workflows: ['letters'] },
  }),
  listLetterRuns: defineRoute({
    operationId: 'listLetterRuns',
    method: 'GET',
    path: '/campaigns/{campaignId}/letter-runs',
    entry: 'functions/letters/list-letter-runs.ts',
    access: STAFF,
    summary: "The campaign's letter runs, newest first",
    tag: 'letters',
    params: CampaignIdParamsSchema,
    query: LetterRunListQuerySchema,
    success: { status: 200, description: 'The runs', schema: LetterRunListSchema },
    errors: [],
    permissions: { table: 'read' },
  }),
  getLetterRun: defineRoute({
    operationId: 'getLetterRun',
    method: 'GET',
    path: '/campaigns/{campaignId}/letter-runs/{runId}',
    entry: 'functions/letters/get-letter-run.ts',
    access: STAFF,
    summary: 'A letter run: status, letters and envelopes, and each print batch (progress while it runs)',
    tag: 'letters',
    params: LetterRunParamsSchema,
    success: { status: 200, description: 'The run', schema: LetterRunSchema },
    errors: ['LETTER_RUN_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
  getLetterBatch: defineRoute({
    operationId: 'getLetterBatch',
    method: 'GET',
    path: '/campaigns/{campaignId}/letter-runs/{runId}/batches/{batchId}',
    entry: 'functions/letters/get-letter-batch.ts',
    access: STAFF,
    summary: "5-minute links to a batch's print-ready PDF and its print-shop manifest (audited: the PDF holds codes)",
    tag: 'letters',
    params: LetterBatchParamsSchema,
    success: { status: 200, description: 'The links', schema: LetterBatchLinkSchema },
    errors: ['LETTER_RUN_NOT_FOUND', 'LETTER_BATCH_NOT_FOUND', 'FILE_NOT_READY'],
    permissions: { table: 'readWrite', buckets: { documents: 'read' } },
  }),
};
