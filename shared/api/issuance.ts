/** Schemas of the issuance routes (staff). */
import * as z from 'zod';
import { ISSUANCE_STATUSES } from '../issuance/issuance-run.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';

export const IssuanceRunParamsSchema = CampaignIdParamsSchema.extend({
  runId: z.string().regex(/^R[0-9A-Z]{16}$/, 'not an issuance run id'),
});

export const IssuanceAcceptedSchema = z
  .object({ runId: z.string(), status: z.enum(ISSUANCE_STATUSES) })
  .meta({ id: 'IssuanceAccepted' });

export const IssuanceRunSchema = z
  .object({
    runId: z.string(),
    campaignId: z.string(),
    status: z.enum(ISSUANCE_STATUSES),
    issued: z.int().nonnegative(),
    alreadyIssued: z.int().nonnegative(),
    notIssuedBudget: z.int().nonnegative(),
    issuedValueCents: z.int().nonnegative(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Until when the run's worker (or the invocation it waits for) holds it; null once the run is over. */
    leaseExpiresAt: z.string().nullable(),
    /** Not over, and its worker's lease ran out: POST …/resume hands it to a new worker. */
    stuck: z.boolean(),
  })
  .meta({ id: 'IssuanceRun' });
