// One register line to a person or a rejection with every reason, in the words the clerk reads.
import { describe, expect, it } from 'vitest';
import { readBirthDate } from '../../../shared/register/birth-date.ts';
import type { RawRegisterRecord } from '../../../shared/register/columns.ts';
import { checkDigitsFor } from '../../../shared/register/national-number.ts';
import { validateRegisterRow } from '../../../shared/register/register-row.ts';

const TODAY = '2026-11-15';

const zoe: RawRegisterRecord = {
  nationalNumber: '10.05.14-152.90',
  lastName: '  Dubois ',
  firstName: 'Zoe\u0301', // "Zoé" typed with a combining accent, as macOS writes it
  birthDate: '14/05/2010',
  street: 'Rue de la Station',
  houseNumber: '12',
  box: '',
  postcode: '5000',
  locality: 'Namur',
  household: 'M-0001',
};

function rejection(raw: Partial<RawRegisterRecord>, today = TODAY) {
  const result = validateRegisterRow({ ...zoe, ...raw }, 7, { today });
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.rejection;
}

describe('readBirthDate', () => {
  it.each([
    ['14/05/2010', '2010-05-14'],
    ['14.05.2010', '2010-05-14'],
    ['2010-05-14', '2010-05-14'],
    ['14-05-2010', '2010-05-14'],
    ['1/3/2010', '2010-03-01'],
    [' 29/02/2008 ', '2008-02-29'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(readBirthDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['', 'MISSING'],
    ['14/05/10', 'FORMAT'],
    ['2010/05/14', 'FORMAT'],
    ['14/05.2010', 'FORMAT'],
    ['14 mai 2010', 'FORMAT'],
    ['31/02/2011', 'IMPOSSIBLE'],
    ['29/02/2011', 'IMPOSSIBLE'],
    ['29/02/1900', 'IMPOSSIBLE'],
    ['2010-13-01', 'IMPOSSIBLE'],
    ['00/05/2010', 'IMPOSSIBLE'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(readBirthDate(text)).toEqual({ ok: false, problem });
  });
});

describe('validateRegisterRow', () => {
  it('turns a good line into a person: names trimmed and normalised, date as a calendar date, no box', () => {
    const result = validateRegisterRow(zoe, 2, { today: TODAY });
    expect(result).toEqual({
      ok: true,
      person: {
        line: 2,
        nationalNumber: '10051415290',
        nationalNumberKind: 'NATIONAL_REGISTER',
        lastName: 'Dubois',
        firstName: 'Zoé',
        birthDate: '2010-05-14',
        address: { street: 'Rue de la Station', houseNumber: '12', box: null, postcode: '5000', locality: 'Namur' },
        householdId: 'M-0001',
      },
    });
    expect(result.ok && result.person.firstName).toBe('Zo\u00e9');
  });

  it('keeps a box, reduces spaces and line breaks inside cells, and reads "B-5000" as 5000', () => {
    const result = validateRegisterRow(
      { ...zoe, street: 'Rue du Moulin\nRésidence  Les Tilleuls', box: ' 2 ', postcode: 'B-5000' },
      2,
      { today: TODAY },
    );
    expect(result.ok && result.person.address).toEqual({
      street: 'Rue du Moulin Résidence Les Tilleuls',
      houseNumber: '12',
      box: '2',
      postcode: '5000',
      locality: 'Namur',
    });
  });

  it('accepts a birth today, refuses one tomorrow', () => {
    const bornToday = { nationalNumber: `261115002${checkDigitsFor('261115002', 2000)}`, birthDate: '15/11/2026' };
    expect(validateRegisterRow({ ...zoe, ...bornToday }, 2, { today: TODAY }).ok).toBe(true);
    expect(rejection(bornToday, '2026-11-14')).toMatchObject({ line: 7, code: 'BIRTH_DATE_IN_FUTURE' });
  });

  it.each<[string, Partial<RawRegisterRecord>, string, RegExp]>([
    ['a missing national number', { nationalNumber: ' ' }, 'NATIONAL_NUMBER_MISSING', /numéro national absent/],
    ['wrong check digits', { nationalNumber: '10.05.14-152.91' }, 'NATIONAL_NUMBER_CHECK_DIGITS', /contrôle/],
    ['an empty last name', { lastName: '   ' }, 'LAST_NAME_MISSING', /nom de famille absent/],
    ['an empty first name', { firstName: '' }, 'FIRST_NAME_MISSING', /prénom absent/],
    ['no birth date', { birthDate: '' }, 'BIRTH_DATE_MISSING', /date de naissance absente/],
    ['an unreadable birth date', { birthDate: '14/05/10' }, 'BIRTH_DATE_FORMAT', /« 14\/05\/10 » illisible/],
    ['31 February', { birthDate: '31/02/2010' }, 'BIRTH_DATE_IMPOSSIBLE', /« 31\/02\/2010 » impossible/],
    ['a future birth date', { birthDate: '14/05/2027' }, 'BIRTH_DATE_IN_FUTURE', /dans le futur/],
    [
      'a date the number contradicts',
      { birthDate: '15/05/2010' },
      'BIRTH_DATE_MISMATCH',
      /« 15\/05\/2010 » différente de celle contenue dans le numéro national \(14\/05\/2010\)/,
    ],
    ['no street', { street: '' }, 'STREET_MISSING', /rue absente/],
    ['no house number', { houseNumber: '' }, 'HOUSE_NUMBER_MISSING', /numéro de maison absent/],
    ['no postcode', { postcode: '' }, 'POSTCODE_MISSING', /code postal absent/],
    ['a foreign postcode', { postcode: '75001' }, 'POSTCODE_INVALID', /« 75001 » invalide/],
    ['no locality', { locality: '' }, 'LOCALITY_MISSING', /localité absente/],
    ['no household', { household: '' }, 'HOUSEHOLD_MISSING', /ménage absent/],
  ])('rejects %s with its line and a plain-French reason', (_name, raw, code, reason) => {
    const rejected = rejection(raw);
    expect(rejected).toMatchObject({ line: 7, code });
    expect(rejected.reason).toMatch(reason);
    expect(rejected.issues).toHaveLength(1);
  });

  it('lists every problem of a line at once, and never repeats the national number or the names', () => {
    const rejected = rejection({ nationalNumber: '10.05.14-152.91', firstName: '', birthDate: '31/02/2010' });
    expect(rejected.issues.map((issue) => issue.code)).toEqual([
      'NATIONAL_NUMBER_CHECK_DIGITS',
      'FIRST_NAME_MISSING',
      'BIRTH_DATE_IMPOSSIBLE',
    ]);
    expect(rejected.code).toBe('NATIONAL_NUMBER_CHECK_DIGITS');
    expect(rejected.reason.split(' ; ')).toHaveLength(3);
    expect(rejected.reason).not.toMatch(/10051415291|Dubois/);
  });

  it('checks the birth date only against what the number encodes', () => {
    const yearOnly = `100003017${checkDigitsFor('100003017', 2000)}`; // month 00: the year alone is meaningful
    expect(validateRegisterRow({ ...zoe, nationalNumber: yearOnly }, 2, { today: TODAY }).ok).toBe(true);
    expect(rejection({ nationalNumber: yearOnly, birthDate: '31/12/2011' }).code).toBe('BIRTH_DATE_MISMATCH');
    const bis = `104514152${checkDigitsFor('104514152', 2000)}`;
    const result = validateRegisterRow({ ...zoe, nationalNumber: bis }, 2, { today: TODAY });
    expect(result.ok && result.person.nationalNumberKind).toBe('BIS');
  });

  it('catches a number whose year digit was mistyped into the other century', () => {
    // 10.05.14 read with the 1900s check digits is a valid number of someone born in 1910.
    const born1910 = `100514152${checkDigitsFor('100514152', 1900)}`;
    expect(rejection({ nationalNumber: born1910 })).toMatchObject({ code: 'BIRTH_DATE_MISMATCH' });
  });
});
