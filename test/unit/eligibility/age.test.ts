// Age in whole years on the reference date: birthdays, 29 February, and a property against the calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../shared/eligibility/age.ts';
import { addDays } from '../../../shared/time/calendar-date.ts';
import { birthDateArbitrary } from '../../fixtures/register/national-numbers.ts';

/** The date someone born on `birth` turns `years`, by the 1-March rule for 29 February, via Date arithmetic. */
function anniversary(birth: string, years: number): string {
  const [year, month, day] = birth.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a common year over to 1 March: exactly the rule under test.
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

describe('ageOn', () => {
  it('counts the birthday on the reference date', () => {
    expect(ageOn('2008-12-01', '2026-12-01')).toBe(18);
    expect(ageOn('2008-12-02', '2026-12-01')).toBe(17);
    expect(ageOn('2008-11-30', '2026-12-01')).toBe(18);
    expect(ageOn('2026-12-01', '2026-12-01')).toBe(0);
    expect(ageOn('2007-12-01', '2026-12-01')).toBe(19);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2008-02-28', '2026-02-28')).toBe(18);
  });

  it('handles a reference date on 29 February', () => {
    expect(ageOn('2010-03-01', '2028-02-29')).toBe(17);
    expect(ageOn('2010-02-28', '2028-02-29')).toBe(18);
  });

  it('refuses a birth after the reference date', () => {
    expect(() => ageOn('2026-12-02', '2026-12-01')).toThrow(RangeError);
  });

  it('agrees with anniversaries computed by the calendar, for any birth date and age', () => {
    fc.assert(
      fc.property(birthDateArbitrary(), fc.integer({ min: 0, max: 100 }), (birth, years) => {
        const turns = anniversary(birth, years);
        expect(ageOn(birth, turns)).toBe(years);
        if (years > 0) expect(ageOn(birth, addDays(turns, -1))).toBe(years - 1);
      }),
    );
  });
});
