// Header mapping: French, Dutch and English aliases, normalisation, missing and ambiguous columns.
import { describe, expect, it } from 'vitest';
import {
  COLUMN_ALIASES,
  fieldOfHeader,
  matchColumns,
  normaliseHeader,
  pickFields,
  REGISTER_FIELDS,
} from '../../../shared/register/columns.ts';
import { RegisterFileError } from '../../../shared/register/register-messages.ts';

const FRENCH = [
  'NISS',
  'Nom',
  'Prénom',
  'Date de naissance',
  'Rue',
  'Numéro',
  'Boîte',
  'Code postal',
  'Localité',
  'Ménage',
];

function thrown(run: () => unknown): RegisterFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterFileError);
    return error as RegisterFileError;
  }
  throw new Error('expected a RegisterFileError');
}

describe('normaliseHeader', () => {
  it('ignores case, accents, spaces, underscores, dashes and other punctuation', () => {
    for (const header of ['Date de naissance', 'DATE_DE_NAISSANCE', 'date-de-naissance', ' Date De Naissance ']) {
      expect(normaliseHeader(header)).toBe('datedenaissance');
    }
    expect(normaliseHeader('Date_Naissance')).toBe('datenaissance');
    expect(normaliseHeader('Numéro national')).toBe('numeronational');
    expect(normaliseHeader('N° national')).toBe('nnational');
    expect(normaliseHeader('BOÎTE')).toBe('boite');
  });
});

describe('fieldOfHeader', () => {
  it.each([
    ['niss', 'nationalNumber'],
    ['Numéro national', 'nationalNumber'],
    ['NUMERO_NATIONAL', 'nationalNumber'],
    ['Rijksregisternummer', 'nationalNumber'],
    ['National number', 'nationalNumber'],
    ['nom', 'lastName'],
    ['Naam', 'lastName'],
    ['Last name', 'lastName'],
    ['prénom', 'firstName'],
    ['PRENOM', 'firstName'],
    ['Voornaam', 'firstName'],
    ['First_name', 'firstName'],
    ['Date de naissance', 'birthDate'],
    ['date_naissance', 'birthDate'],
    ['Geboortedatum', 'birthDate'],
    ['Date of birth', 'birthDate'],
    ['Rue', 'street'],
    ['Straat', 'street'],
    ['Numéro', 'houseNumber'],
    ['numero', 'houseNumber'],
    ['Huisnummer', 'houseNumber'],
    ['House number', 'houseNumber'],
    ['Boîte', 'box'],
    ['Bus', 'box'],
    ['Code postal', 'postcode'],
    ['Postcode', 'postcode'],
    ['Localité', 'locality'],
    ['Gemeente', 'locality'],
    ['Ménage', 'household'],
    ['Gezin', 'household'],
    ['Household', 'household'],
  ])('reads %j as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('never confuses the house number with the national number: names match whole, not by substring', () => {
    expect(fieldOfHeader('Numéro')).toBe('houseNumber');
    expect(fieldOfHeader('Numéro national')).toBe('nationalNumber');
    expect(fieldOfHeader('Numéro de ménage')).toBe('household');
    expect(fieldOfHeader('Numéro de téléphone')).toBeUndefined();
    expect(fieldOfHeader('Nom du père')).toBeUndefined();
  });

  it('gives every alias to one field only', () => {
    const owners = new Map<string, string>();
    for (const field of REGISTER_FIELDS) {
      for (const alias of COLUMN_ALIASES[field]) {
        const key = normaliseHeader(alias);
        expect(owners.get(key) ?? field).toBe(field);
        owners.set(key, field);
      }
    }
  });
});

describe('matchColumns', () => {
  it('maps the French header, ignoring extra columns, whatever their order', () => {
    const header = ['Nationalité', ...FRENCH.slice().reverse(), 'Téléphone'];
    const { mapping, columnCount, headers } = matchColumns(header);
    expect(columnCount).toBe(12);
    expect(mapping.nationalNumber).toBe(10);
    expect(mapping.household).toBe(1);
    expect(mapping.box).toBe(4);
    expect(headers.houseNumber).toBe('Numéro');
    const fields = pickFields(header, mapping);
    expect(fields).toMatchObject({ nationalNumber: 'NISS', houseNumber: 'Numéro', lastName: 'Nom' });
  });

  it('maps Dutch and English headers', () => {
    const dutch = [
      'Rijksregisternummer',
      'Naam',
      'Voornaam',
      'Geboortedatum',
      'Straat',
      'Huisnummer',
      'Bus',
      'Postcode',
      'Gemeente',
      'Gezin',
    ];
    expect(matchColumns(dutch).mapping).toMatchObject({ nationalNumber: 0, box: 6, household: 9 });
    const english = [
      'National number',
      'Last name',
      'First name',
      'Birth date',
      'Street',
      'Number',
      'Postcode',
      'City',
      'Household',
    ];
    expect(matchColumns(english).mapping.box).toBeUndefined();
  });

  it('names each missing column and the headers it would accept', () => {
    const error = thrown(() =>
      matchColumns(['NISS', 'Nom', 'Prénom', 'Rue', 'Numéro', 'Code postal', 'Localité', 'Remarque']),
    );
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.message).toContain('date de naissance (en-têtes acceptés : « Date de naissance », « Date_naissance »');
    expect(error.message).toContain('« Geboortedatum »');
    expect(error.message).toContain('ménage (en-têtes acceptés : « Ménage »');
    expect(error.message).not.toContain('boîte (');
    expect(error.message).toContain('En-têtes trouvés : « NISS », « Nom »');
  });

  it('prefers the first-listed name when two headers name one field, and refuses the same name twice', () => {
    const both = matchColumns([...FRENCH.slice(0, 8), 'Commune', 'Localité', 'Ménage']);
    expect(both.mapping.locality).toBe(9);
    expect(both.headers.locality).toBe('Localité');
    const bilingual = matchColumns(['Naam', ...FRENCH]);
    expect(bilingual.mapping.lastName).toBe(2);
    const error = thrown(() => matchColumns([...FRENCH, 'NOM']));
    expect(error.code).toBe('DUPLICATE_COLUMNS');
    expect(error.message).toContain('nom (« Nom », « NOM »)');
  });

  it('reads a missing trailing cell as empty', () => {
    const { mapping } = matchColumns(FRENCH);
    expect(pickFields(['85073003328', 'Dupont'], mapping)).toMatchObject({ lastName: 'Dupont', household: '' });
  });
});
