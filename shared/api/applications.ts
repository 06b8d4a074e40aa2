/** Schemas of the application routes: filing and submitting (public), reviewing (staff). */
import * as z from 'zod';
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

export const ApplicationParamsSchema = CampaignIdParamsSchema.extend({
  applicationId: z.string().regex(/^A[0-9A-Z]{16}$/, 'not an application id'),
});

export const FileApplicationBodySchema = z
  .strictObject({
    nationalNumber: z
      .string()
      .min(1)
      .max(32)
      .meta({ description: 'National register or BIS number, with or without separators' }),
    birthDate: CalendarDateSchema,
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'a Belgian postcode has four digits')
      .meta({ description: 'Postcode of the address in the population register (checked, never echoed)' }),
    email: z.email().max(254).meta({ description: 'Where the receipt and the decision are sent' }),
    language: z.enum(APPLICANT_LANGUAGES).default('fr').meta({ description: 'Language of the mails' }),
    consent: z.literal(true).meta({ description: 'The applicant accepted the processing of these data' }),
    proof: z.strictObject({
      contentType: z.enum(PROOF_CONTENT_TYPES),
      bytes: z.int().min(1).max(MAX_PROOF_BYTES).meta({ description: 'Exact size of the file to upload' }),
    }),
  })
  .meta({ id: 'FileApplication' });

export const FiledApplicationSchema = z
  .object({
    applicationId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    schoolYear: z.string().nullable().meta({ description: 'The school year the proof must cover' }),
    uploadUrl: z.url().meta({ description: 'Presigned PUT for the proof, with uploadHeaders' }),
    uploadHeaders: z.record(z.string(), z.string()),
    uploadExpiresAt: z.string(),
    maxBytes: z.int().positive(),
  })
  .meta({ id: 'FiledApplication' });

export const ApplicationStateSchema = z
  .object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES) })
  .meta({ id: 'ApplicationState' });

export const ApplicationListQuerySchema = z.strictObject({
  status: z.enum(['SUBMITTED', 'APPROVED', 'REJECTED']).default('SUBMITTED'),
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
      box: z.string().nullable(),
      postcode: z.string(),
      locality: z.string(),
    }),
  })
  .meta({ id: 'Applicant' });

export const ApplicationSchema = z
  .object({
    applicationId: z.string(),
    campaignId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    registerCheck: z.enum(REGISTER_CHECKS).default('MATCH').meta({
      description:
        'What filing found in the register; only MATCH can be approved (the applicant is told none of it). The applicant is null unless MATCH.',
    }),
    schoolYear: z.string().optional(),
    proofContentType: z.enum(PROOF_CONTENT_TYPES),
    proofBytes: z.int(),
    submittedAt: z.string().optional(),
    decidedAt: z.string().optional(),
    rejectionReason: z.string().optional(),
    issuance: z.enum(['ISSUED', 'ALREADY_HOLDS_ONE', 'BUDGET_EXHAUSTED']).optional(),
    voucherId: z.string().optional(),
    applicant: ApplicantSchema.nullable(),
  })
  .meta({ id: 'Application' });

export const ApplicationListSchema = z
  .object({ items: z.array(ApplicationSchema), nextCursor: NextCursorSchema })
  .meta({ id: 'ApplicationList' });

export const ApplicationDetailSchema = ApplicationSchema.extend({
  proofUrl: z.url().meta({ description: 'Presigned GET of the proof, valid a few minutes' }),
  proofUrlExpiresAt: z.string(),
}).meta({ id: 'ApplicationDetail' });

export const DecisionSchema = z
  .object({
    applicationId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    rejectionReason: z.string().optional(),
    issuance: z.enum(['ISSUED', 'ALREADY_HOLDS_ONE', 'BUDGET_EXHAUSTED']).optional(),
    voucherId: z.string().optional(),
  })
  .meta({ id: 'ApplicationDecision' });

export const RejectBodySchema = z
  .strictObject({ reason: z.string().trim().min(3).max(500).meta({ description: 'Told to the applicant' }) })
  .meta({ id: 'RejectApplication' });
