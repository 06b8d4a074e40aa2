import { describe, expect, it } from 'vitest';
import { type CampaignInput, CampaignInputSchema, purgeDateOf } from '../../../shared/campaigns/campaign.ts';
import { campaignIdFor } from '../../../shared/services/campaign-service.ts';

const input: CampaignInput = {
  name: 'Chèque commerce jeunesse 2026',
  faceValueCents: 10_000,
  budgetCents: 550_000_00,
  startDate: '2026-12-01',
  endDate: '2027-03-31',
  referenceDate: '2026-12-01',
  eligibility: {
    automatic: { minAge: 0, maxAge: 18 },
    onApplication: { minAge: 19, maxAge: 21, schoolYear: '2026-2027' },
  },
};

describe('campaign ids', () => {
  it('are readable, repeatable for the same request, and different for any other', () => {
    const id = campaignIdFor(input);
    expect(id).toMatch(/^cheque-commerce-jeunesse-2026-[0-9a-f]{12}$/);
    expect(campaignIdFor({ ...input })).toBe(id);
    expect(campaignIdFor({ ...input, budgetCents: input.budgetCents + 1 })).not.toBe(id);
    expect(campaignIdFor({ ...input, name: '€€€' })).toMatch(/^campaign-[0-9a-f]{12}$/);
  });
});

describe('purge dates', () => {
  it('default to 90 days after the end, and never come earlier than that', () => {
    expect(purgeDateOf(input)).toBe('2027-06-29');
    expect(purgeDateOf({ ...input, purgeDate: '2028-01-01' })).toBe('2028-01-01');
    expect(purgeDateOf({ endDate: '2027-06-30', purgeDate: '2027-06-29' })).toBe('2027-09-28');
  });

  it('are refused when they come too soon after the end', () => {
    expect(CampaignInputSchema.safeParse({ ...input, purgeDate: '2027-04-30' }).success).toBe(false);
    expect(CampaignInputSchema.safeParse({ ...input, purgeDate: '2027-06-29' }).success).toBe(true);
  });

  it('accept a school year of two consecutive years only', () => {
    const withYear = (schoolYear: string) =>
      CampaignInputSchema.safeParse({
        ...input,
        eligibility: { ...input.eligibility, onApplication: { minAge: 19, maxAge: 21, schoolYear } },
      }).success;
    expect(withYear('2026-2027')).toBe(true);
    expect(withYear('2026-2028')).toBe(false);
    expect(withYear('2026/2027')).toBe(false);
  });
});
