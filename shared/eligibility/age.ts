/**
 * Age in whole years on a reference date, the way a campaign's bands ("0-18 on 1 December") are meant:
 * a person has age N from their Nth birthday included, so a birthday on the reference date counts.
 */
import type { CalendarDate } from '../time/calendar-date.ts';

/**
 * Someone born on 29 February becomes a year older on 1 March in years without a 29 February.
 * No Belgian statute settles it (we found none; practice elsewhere differs: England's Family Law Reform
 * Act 1969 s. 9 and Hong Kong say 1 March, New Zealand and a 2013 French circular say the last day of
 * February). We take 1 March because:
 * - an age of N is reached once N full years have passed, and on 28 Feb 2026 someone born on 29 Feb 2008
 *   is still a day short of 18 years; the first day they have them is 1 March;
 * - it is what comparing (month, day) pairs gives, (2, 28) < (2, 29) < (3, 1), so no special case is coded;
 * - for this scheme it is the citizen-friendly reading at both ends of the automatic band: at its top
 *   (18) the leapling stays eligible a day longer, and at the bottom of an on-application band (19) they
 *   still get the automatic voucher instead of having to apply.
 * A town that wants 28 February instead changes only the comparison below; the tests pin the rule.
 */
export function ageOn(birthDate: CalendarDate, referenceDate: CalendarDate): number {
  if (birthDate > referenceDate) {
    throw new RangeError(`Born ${birthDate}, after the reference date ${referenceDate}: no age yet`);
  }
  const years = Number(referenceDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // 'MM-DD' strings compare like (month, day) pairs.
  return referenceDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
