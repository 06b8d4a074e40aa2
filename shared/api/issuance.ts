/** Schemas of the issuance routes (staff). */
import * as z from 'zod/mini';
import { ISSUANCE_STATUSES } from '../issuance/issuance-run.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';

export const IssuanceRunParamsSchema = z.extend(CampaignIdParamsSchema, {
  runId: z.string().check(z.regex(/^R[0-9A-Z]{16}$/, 'not an issuance run id')),
});

export const IssuanceAcceptedSchema = z
  .object({ runId: z.string(), status: z.enum(ISSUANCE_STATUSES) })
  .check(z.meta({ id: 'IssuanceAccepted' }));

export const IssuanceRunSchema = z
  .object({
    runId: z.string(),
    campaignId: z.string(),
    status: z.enum(ISSUANCE_STATUSES),
    issued: z.int().check(z.nonnegative()),
    alreadyIssued: z.int().check(z.nonnegative()),
    notIssuedBudget: z.int().check(z.nonnegative()),
    issuedValueCents: z.int().check(z.nonnegative()),
    createdAt: z.string(),
    startedAt: z.nullable(z.string()),
    finishedAt: z.nullable(z.string()),
    /** Until when the run's worker (or the invocation it waits for) holds it; null once the run is over. */
    leaseExpiresAt: z.nullable(z.string()),
    /** Not over, and its worker's lease ran out: POST …/resume hands it to a new worker. */
    stuck: z.boolean(),
  })
  .check(z.meta({ id: 'IssuanceRun' }));
