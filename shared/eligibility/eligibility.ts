/**
 * Who a campaign is for: the automatic band (e.g. 0-18) gets a voucher from the register alone, the
 * on-application band (e.g. 19-21) only with an approved application; ages are taken on the reference date.
 */
import type { CampaignInput } from '../campaigns/campaign.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { ageOn } from './age.ts';

export type EligibilityOutcome = 'AUTOMATIC' | 'ON_APPLICATION' | 'NOT_ELIGIBLE';

type AgeBand = CampaignInput['eligibility']['automatic'];

function inBand(age: number, band: AgeBand | undefined): boolean {
  return band !== undefined && age >= band.minAge && age <= band.maxAge;
}

/**
 * A person's eligibility for a campaign. Someone born after the reference date is not eligible (the
 * scheme counts the people living on that date). Should a campaign's bands overlap, the automatic band
 * wins: asking for a proof from someone who needs none would only delay their voucher.
 */
export function eligibilityOf(
  birthDate: CalendarDate,
  campaign: Pick<CampaignInput, 'referenceDate' | 'eligibility'>,
): EligibilityOutcome {
  if (birthDate > campaign.referenceDate) return 'NOT_ELIGIBLE';
  const age = ageOn(birthDate, campaign.referenceDate);
  if (inBand(age, campaign.eligibility.automatic)) return 'AUTOMATIC';
  if (inBand(age, campaign.eligibility.onApplication)) return 'ON_APPLICATION';
  return 'NOT_ELIGIBLE';
}
