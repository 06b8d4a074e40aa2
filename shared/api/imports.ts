/** Schemas of the register import routes (staff). */
import * as z from 'zod/mini';
import { IMPORT_STATUSES, MAX_REGISTER_BYTES } from '../imports/register-import.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';

export const ImportParamsSchema = z.extend(CampaignIdParamsSchema, {
  importId: z.string().check(z.regex(/^I[0-9A-Z]{16}$/, 'not an import id')),
});

export const CreateImportBodySchema = z
  .optional(
    z.strictObject({
      bytes: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_REGISTER_BYTES))).check(
        z.meta({
          description:
            'Exact size of the file to upload. Given, the upload URL is signed for that length (at most maxBytes) and S3 refuses any other; without it, the size is checked only when processing is asked for.',
        }),
      ),
    }),
  )
  .check(z.meta({ id: 'CreateImport' }));

const UploadSlotShape = {
  uploadUrl: z.url().check(z.meta({ description: 'Presigned PUT: send the file as the body, with uploadHeaders' })),
  uploadHeaders: z.record(z.string(), z.string()).check(z.meta({ description: 'Headers the upload must carry' })),
  uploadExpiresAt: z.string().check(z.meta({ description: 'When the upload URL stops working (ISO 8601)' })),
  maxBytes: z.int().check(z.positive()),
};

export const CreatedImportSchema = z
  .object({ importId: z.string(), status: z.enum(IMPORT_STATUSES), ...UploadSlotShape })
  .check(z.meta({ id: 'CreatedImport' }));

export const ImportAcceptedSchema = z
  .object({ importId: z.string(), status: z.enum(IMPORT_STATUSES) })
  .check(z.meta({ id: 'ImportAccepted' }));

export const ImportStatusSchema = z
  .object({
    importId: z.string(),
    campaignId: z.string(),
    status: z.enum(IMPORT_STATUSES),
    createdAt: z.string(),
    finishedAt: z.nullable(z.string()),
    rows: z.object({ total: z.int(), valid: z.int(), invalid: z.int() }),
    people: z.object({
      new: z.int(),
      updated: z.int(),
      unchanged: z.int(),
      missing: z.int().check(z.meta({ description: 'Kept people the file no longer has: reported, kept, not served' })),
      notEligible: z.int().check(z.meta({ description: 'People of the file outside the bands: counted, not kept' })),
    }),
    eligible: z.object({ automatic: z.int(), onApplication: z.int() }),
    duplicates: z.int().check(z.meta({ description: 'Valid lines repeating a person already seen in the file' })),
    reportUrl: z
      .nullable(z.url())
      .check(z.meta({ description: 'Rejected lines (CSV: line, code, reason); a link valid a few minutes' })),
    missingReportUrl: z.nullable(z.url()).check(z.meta({ description: 'People missing from this file (CSV)' })),
    file: z.nullable(z.object({ encoding: z.string(), bom: z.boolean(), delimiter: z.string() })),
    error: z
      .nullable(z.object({ code: z.string(), message: z.string() }))
      .check(z.meta({ description: 'Why a FAILED import failed, in French for the clerk' })),
    leaseExpiresAt: z
      .nullable(z.string())
      .check(
        z.meta({ description: 'Until when the worker holds a PROCESSING import (its heartbeat); null otherwise' }),
      ),
    stuck: z.boolean().check(
      z.meta({
        description: 'PROCESSING and its worker lost (lease expired): POST …/resume hands it to a new worker',
      }),
    ),
  })
  .check(z.meta({ id: 'RegisterImport' }));
