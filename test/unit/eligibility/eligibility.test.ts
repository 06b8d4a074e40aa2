// A person's eligibility for a campaign's bands, at each band boundary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../shared/eligibility/age.ts';
import { eligibilityOf } from '../../../shared/eligibility/eligibility.ts';
import { birthDateArbitrary } from '../../fixtures/register/national-numbers.ts';

const campaign = {
  referenceDate: '2026-12-01',
  eligibility: { automatic: { minAge: 0, maxAge: 18 }, onApplication: { minAge: 19, maxAge: 21 } },
};

describe('eligibilityOf', () => {
  it.each([
    ['2026-12-01', 'AUTOMATIC'], // born on the reference date: aged 0
    ['2026-12-02', 'NOT_ELIGIBLE'], // not born yet on the reference date
    ['2008-12-02', 'AUTOMATIC'], // 17, turns 18 the day after
    ['2008-12-01', 'AUTOMATIC'], // 18 on the reference date
    ['2007-12-02', 'AUTOMATIC'], // still 18
    ['2007-12-01', 'ON_APPLICATION'], // 19 on the reference date
    ['2004-12-02', 'ON_APPLICATION'], // 21, turns 22 the day after
    ['2004-12-01', 'NOT_ELIGIBLE'], // 22 on the reference date
    ['1980-06-15', 'NOT_ELIGIBLE'],
  ])('born %s -> %s on 1 December 2026', (birth, outcome) => {
    expect(eligibilityOf(birth, campaign)).toBe(outcome);
  });

  it('places a 29 February birth by the 1-March rule when the reference date is 28 February', () => {
    const endOfFebruary = { ...campaign, referenceDate: '2027-02-28' };
    expect(eligibilityOf('2008-02-29', endOfFebruary)).toBe('AUTOMATIC'); // still 18: turns 19 on 1 March 2027
    expect(eligibilityOf('2008-02-29', { ...endOfFebruary, referenceDate: '2027-03-01' })).toBe('ON_APPLICATION');
    expect(eligibilityOf('2005-02-28', endOfFebruary)).toBe('NOT_ELIGIBLE'); // 22 that day
  });

  it('has no on-application outcome when the campaign has no such band', () => {
    const automaticOnly = {
      referenceDate: campaign.referenceDate,
      eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    };
    expect(eligibilityOf('2007-12-01', automaticOnly)).toBe('NOT_ELIGIBLE');
  });

  it('lets the automatic band win where bands overlap', () => {
    const overlapping = {
      referenceDate: campaign.referenceDate,
      eligibility: { automatic: { minAge: 0, maxAge: 18 }, onApplication: { minAge: 16, maxAge: 21 } },
    };
    expect(eligibilityOf('2009-06-01', overlapping)).toBe('AUTOMATIC');
  });

  it('follows the age for any birth date', () => {
    fc.assert(
      fc.property(birthDateArbitrary(), (birth) => {
        const outcome = eligibilityOf(birth, campaign);
        const age = birth > campaign.referenceDate ? null : ageOn(birth, campaign.referenceDate);
        const expected = age === null || age > 21 ? 'NOT_ELIGIBLE' : age <= 18 ? 'AUTOMATIC' : 'ON_APPLICATION';
        expect(outcome).toBe(expected);
      }),
    );
  });
});
