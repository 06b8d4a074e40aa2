/**
 * A campaign: one town's voucher scheme for one period. Vouchers take their expiry from the campaign's
 * current end date, so extending a campaign needs no new letter.
 */
import * as z from 'zod/mini';
import { addDays, type CalendarDate } from '../time/calendar-date.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';

const ageBandShape = {
  minAge: z.int().check(z.minimum(0), z.maximum(120)),
  maxAge: z.int().check(z.minimum(0), z.maximum(120)),
};
const bandInOrder = (band: { minAge: number; maxAge: number }) => band.minAge <= band.maxAge;

// Strict (here and below): the campaign's input is a request body; a key it does not know is refused.
const AgeBandSchema = z
  .strictObject(ageBandShape)
  .check(
    z.refine(bandInOrder, { message: 'minAge must not exceed maxAge' }),
    z.meta({ id: 'AgeBand', description: 'Ages in whole years on the reference date, both ends included.' }),
  );

/** `2026-2027`: a Belgian school year runs from September to June. */
export const SchoolYearSchema = z.string().check(
  z.regex(/^\d{4}-\d{4}$/, 'a school year is written 2026-2027'),
  z.refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, {
    message: 'a school year spans two consecutive years',
  }),
);

const ApplicationBandSchema = z
  .strictObject({
    ...ageBandShape,
    /** The school year the proof of enrolment must cover (shown to applicants and to the staff who review). */
    schoolYear: z.optional(SchoolYearSchema),
  })
  .check(
    z.refine(bandInOrder, { message: 'minAge must not exceed maxAge' }),
    z.meta({
      id: 'ApplicationBand',
      description: 'Ages eligible with an approved application, and the school year its proof must cover.',
    }),
  );

export const EligibilitySchema = z
  .strictObject({
    /** Eligible at once, from the population register. */
    automatic: AgeBandSchema,
    /** Eligible only with an approved application (e.g. proof of school enrolment). */
    onApplication: z.optional(ApplicationBandSchema),
  })
  .check(z.meta({ id: 'Eligibility' }));

/**
 * How long after its end date a campaign keeps the personal data of its people (names and addresses for
 * letters, applications and their proofs): long enough for the last payouts (10 days), for replacement
 * letters and for disputes; no longer. A town may choose a later purge date, never an earlier one.
 */
export const RETENTION_DAYS_AFTER_END = 90;

/** How long letter PDFs stay in the bucket after their run, unless the campaign says otherwise. */
export const LETTER_RETENTION_DAYS = 60;

export const CampaignInputSchema = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    faceValueCents: z.int().check(z.positive(), z.maximum(100_000_00)),
    budgetCents: z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER)),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    referenceDate: CalendarDateSchema,
    eligibility: EligibilitySchema,
    /**
     * How long a shop may cancel a redemption, in hours. Absent: until midnight (Brussels) of the day of the
     * purchase, which is what a till's "cancel today's sale" means to a shopkeeper.
     */
    reversalWindowHours: z.optional(z.int().check(z.minimum(1), z.maximum(168))),
    /** The language of the campaign's letters (the town's language; Belgium's are French, Dutch, German). */
    language: z.optional(z.enum(['fr', 'nl', 'de'])),
    /**
     * How many days the print-ready letter PDFs are kept after their run (they hold spendable codes): long
     * enough to print them, no longer. Defaults to LETTER_RETENTION_DAYS.
     */
    letterRetentionDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
    /**
     * When the campaign's personal data is deleted. Defaults to 90 days after the end date, and moves with
     * the end date when the campaign is extended.
     */
    purgeDate: z.optional(CalendarDateSchema),
  })
  .check(
    z.refine((c) => c.startDate <= c.endDate, { message: 'endDate must not be before startDate', path: ['endDate'] }),
    z.refine((c) => c.purgeDate === undefined || c.purgeDate >= addDays(c.endDate, RETENTION_DAYS_AFTER_END), {
      message: `the purge date must be at least ${RETENTION_DAYS_AFTER_END} days after the end date`,
      path: ['purgeDate'],
    }),
    z.refine((c) => c.faceValueCents <= c.budgetCents, {
      message: 'the budget must cover at least one voucher',
      path: ['budgetCents'],
    }),
    z.meta({ id: 'CampaignInput' }),
  );
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export interface Campaign extends CampaignInput {
  readonly campaignId: string;
  readonly createdAt: string;
}

/** The purge date a campaign has, or gets by default: never less than the retention after its end date. */
export function purgeDateOf(campaign: Pick<CampaignInput, 'endDate' | 'purgeDate'>): CalendarDate {
  const earliest = addDays(campaign.endDate, RETENTION_DAYS_AFTER_END);
  return campaign.purgeDate && campaign.purgeDate > earliest ? campaign.purgeDate : earliest;
}

export type CampaignPhase = 'NOT_STARTED' | 'OPEN' | 'ENDED';

/** Where a campaign stands on a given Brussels calendar day (both start and end days are open days). */
export function campaignPhaseOn(campaign: Pick<Campaign, 'startDate' | 'endDate'>, today: CalendarDate): CampaignPhase {
  if (today < campaign.startDate) return 'NOT_STARTED';
  if (today > campaign.endDate) return 'ENDED';
  return 'OPEN';
}
