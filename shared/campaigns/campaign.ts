/**
 * A campaign: one town's voucher scheme for one period. Vouchers take their expiry from the campaign's
 * current end date, so extending a campaign needs no new letter.
 */
import { z } from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../time/calendar-date.ts';

const AgeBandSchema = z
  .object({
    minAge: z.int().min(0).max(120),
    maxAge: z.int().min(0).max(120),
  })
  .refine((band) => band.minAge <= band.maxAge, { message: 'minAge must not exceed maxAge' })
  .meta({ id: 'AgeBand', description: 'Ages in whole years on the reference date, both ends included.' });

export const EligibilitySchema = z
  .object({
    /** Eligible at once, from the population register. */
    automatic: AgeBandSchema,
    /** Eligible only with an approved application (e.g. proof of school enrolment). */
    onApplication: AgeBandSchema.optional(),
  })
  .meta({ id: 'Eligibility' });

export const CampaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    faceValueCents: z.int().positive().max(100_000_00),
    budgetCents: z.int().positive().max(Number.MAX_SAFE_INTEGER),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    referenceDate: CalendarDateSchema,
    eligibility: EligibilitySchema,
    /**
     * How long a shop may cancel a redemption, in hours. Absent: until midnight (Brussels) of the day of the
     * purchase, which is what a till's "cancel today's sale" means to a shopkeeper.
     */
    reversalWindowHours: z.int().min(1).max(168).optional(),
  })
  .refine((c) => c.startDate <= c.endDate, { message: 'endDate must not be before startDate', path: ['endDate'] })
  .refine((c) => c.faceValueCents <= c.budgetCents, {
    message: 'the budget must cover at least one voucher',
    path: ['budgetCents'],
  })
  .meta({ id: 'CampaignInput' });
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export interface Campaign extends CampaignInput {
  readonly campaignId: string;
  readonly createdAt: string;
}

export type CampaignPhase = 'NOT_STARTED' | 'OPEN' | 'ENDED';

/** Where a campaign stands on a given Brussels calendar day (both start and end days are open days). */
export function campaignPhaseOn(campaign: Pick<Campaign, 'startDate' | 'endDate'>, today: CalendarDate): CampaignPhase {
  if (today < campaign.startDate) return 'NOT_STARTED';
  if (today > campaign.endDate) return 'ENDED';
  return 'OPEN';
}
