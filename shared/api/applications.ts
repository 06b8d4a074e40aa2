/** Schemas of the application routes: filing and submitting (public), reviewing (staff). */
import * as z from 'zod/mini';
import {
  APPLICANT_LANGUAGES,
  APPLICATION_STATUSES,
  MAX_PROOF_BYTES,
  PROOF_CONTENT_TYPES,
  REGISTER_CHECKS,
} from '../applications/application.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { NextCursorSchema, pageQuery } from './paging.ts';

export const ApplicationParamsSchema = z.extend(CampaignIdParamsSchema, {
  applicationId: z.string().check(z.regex(/^A[0-9A-Z]{16}$/, 'not an application id')),
});

export const FileApplicationBodySchema = z
  .strictObject({
    nationalNumber: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(32),
        z.meta({ description: 'National register or BIS number, with or without separators' }),
      ),
    birthDate: CalendarDateSchema,
    postcode: z
      .string()
      .check(
        z.trim(),
        z.regex(/^\d{4}$/, 'a Belgian postcode has four digits'),
        z.meta({ description: 'Postcode of the address in the population register (checked, never echoed)' }),
      ),
    email: z.email().check(z.maxLength(254), z.meta({ description: 'Where the receipt and the decision are sent' })),
    language: z._default(z.enum(APPLICANT_LANGUAGES), 'fr').check(z.meta({ description: 'Language of the mails' })),
    consent: z.literal(true).check(z.meta({ description: 'The applicant accepted the processing of these data' })),
    proof: z.strictObject({
      contentType: z.enum(PROOF_CONTENT_TYPES),
      bytes: z
        .int()
        .check(z.minimum(1), z.maximum(MAX_PROOF_BYTES), z.meta({ description: 'Exact size of the file to upload' })),
    }),
  })
  .check(z.meta({ id: 'FileApplication' }));

export const FiledApplicationSchema = z
  .object({
    applicationId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    schoolYear: z.nullable(z.string()).check(z.meta({ description: 'The school year the proof must cover' })),
    uploadUrl: z.url().check(z.meta({ description: 'Presigned PUT for the proof, with uploadHeaders' })),
    uploadHeaders: z.record(z.string(), z.string()),
    uploadExpiresAt: z.string(),
    maxBytes: z.int().check(z.positive()),
  })
  .check(z.meta({ id: 'FiledApplication' }));

export const ApplicationStateSchema = z
  .object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES) })
  .check(z.meta({ id: 'ApplicationState' }));

export const ApplicationListQuerySchema = z.strictObject({
  status: z._default(z.enum(['SUBMITTED', 'APPROVED', 'REJECTED']), 'SUBMITTED'),
  ...pageQuery({ defaultLimit: 200, maxLimit: 500 }),
});

const ApplicantSchema = z
  .object({
    lastName: z.string(),
    firstName: z.string(),
    birthDate: CalendarDateSchema,
    address: z.object({
      street: z.string(),
      houseNumber: z.string(),
      box: z.nullable(z.string()),
      postcode: z.string(),
      locality: z.string(),
    }),
  })
  .check(z.meta({ id: 'Applicant' }));

export const ApplicationSchema = z
  .object({
    applicationId: z.string(),
    campaignId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    registerCheck: z._default(z.enum(REGISTER_CHECKS), 'MATCH').check(
      z.meta({
        description:
          'What filing found in the register; only MATCH can be approved (the applicant is told none of it). The applicant is null unless MATCH.',
      }),
    ),
    schoolYear: z.optional(z.string()),
    proofContentType: z.enum(PROOF_CONTENT_TYPES),
    proofBytes: z.int(),
    submittedAt: z.optional(z.string()),
    decidedAt: z.optional(z.string()),
    rejectionReason: z.optional(z.string()),
    issuance: z.optional(z.enum(['ISSUED', 'ALREADY_HOLDS_ONE', 'BUDGET_EXHAUSTED'])),
    voucherId: z.optional(z.string()),
    applicant: z.nullable(ApplicantSchema),
  })
  .check(z.meta({ id: 'Application' }));

export const ApplicationListSchema = z
  .object({ items: z.array(ApplicationSchema), nextCursor: NextCursorSchema })
  .check(z.meta({ id: 'ApplicationList' }));

// Spread, not z.extend(ApplicationSchema, ...): the extension would keep ApplicationSchema's meta check and so
// also register its id 'Application', which must name ApplicationSchema alone.
export const ApplicationDetailSchema = z
  .object({
    ...ApplicationSchema.shape,
    proofUrl: z.url().check(z.meta({ description: 'Presigned GET of the proof, valid a few minutes' })),
    proofUrlExpiresAt: z.string(),
  })
  .check(z.meta({ id: 'ApplicationDetail' }));

export const DecisionSchema = z
  .object({
    applicationId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    rejectionReason: z.optional(z.string()),
    issuance: z.optional(z.enum(['ISSUED', 'ALREADY_HOLDS_ONE', 'BUDGET_EXHAUSTED'])),
    voucherId: z.optional(z.string()),
  })
  .check(z.meta({ id: 'ApplicationDecision' }));

export const RejectBodySchema = z
  .strictObject({
    reason: z
      .string()
      .check(z.trim(), z.minLength(3), z.maxLength(500), z.meta({ description: 'Told to the applicant' })),
  })
  .check(z.meta({ id: 'RejectApplication' }));
