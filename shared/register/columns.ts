/**
 * Finds the register's columns by their header names, whatever the software that exported the file:
 * French, Dutch or English names, compared without case, accents, spaces or punctuation.
 */
import {
  FRENCH_REGISTER_MESSAGES,
  type RegisterFileError,
  type RegisterMessages,
  registerFileError,
} from './register-messages.ts';

export const REGISTER_FIELDS = [
  'nationalNumber',
  'lastName',
  'firstName',
  'birthDate',
  'street',
  'houseNumber',
  'box',
  'postcode',
  'locality',
  'household',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/**
 * Everything a letter and the de-duplication need is required. The box is optional: most addresses have
 * none, and exports leave the column out when no one in the town lives in a flat with a box number.
 * The household is required because minors' letters go to the household (the parents) and dashboards
 * count households; a file without it would silently send each child a letter of its own.
 */
export const OPTIONAL_FIELDS: ReadonlySet<RegisterField> = new Set<RegisterField>(['box']);

/**
 * Accepted header names, written the way people write them (shown in the "missing column" message).
 * Matching is exact after normalisation, never by substring: `Numéro` (house number) and `Numéro national`
 * must stay two different columns.
 */
export const COLUMN_ALIASES: Readonly<Record<RegisterField, readonly string[]>> = {
  nationalNumber: [
    'NISS',
    'Numéro national',
    'Numéro de registre national',
    'Registre national',
    'N° national',
    'Rijksregisternummer',
    'Rijksregisternr',
    'INSZ',
    'RRN',
    'National number',
    'National register number',
    'National registry number',
  ],
  lastName: ['Nom', 'Nom de famille', 'Naam', 'Familienaam', 'Achternaam', 'Last name', 'Surname', 'Family name'],
  firstName: ['Prénom', 'Prénoms', 'Voornaam', 'Voornamen', 'First name', 'First names', 'Given name', 'Forename'],
  birthDate: [
    'Date de naissance',
    'Date_naissance',
    'Naissance',
    'Geboortedatum',
    'Birth date',
    'Date of birth',
    'Birthdate',
    'DOB',
  ],
  street: ['Rue', 'Nom de rue', 'Straat', 'Straatnaam', 'Street'],
  houseNumber: ['Numéro', 'N°', 'Numéro de maison', 'Huisnummer', 'Nummer', 'Nr', 'House number', 'Number', 'No'],
  box: ['Boîte', 'Bte', 'Boîte aux lettres', 'Bus', 'Busnummer', 'Box', 'Box number'],
  postcode: ['Code postal', 'CP', 'Postcode', 'Postnummer', 'Postal code', 'Zip', 'Zip code'],
  locality: [
    'Localité',
    'Commune',
    'Ville',
    'Gemeente',
    'Woonplaats',
    'Plaats',
    'Locality',
    'City',
    'Town',
    'Municipality',
  ],
  household: [
    'Ménage',
    'Numéro de ménage',
    'N° ménage',
    'Gezin',
    'Gezinsnummer',
    'Huishouden',
    'Household',
    'Household number',
    'Household id',
  ],
};

/**
 * Lower case, no accents, and nothing but letters and digits: exports write `Date_Naissance`,
 * `date-naissance`, `DATE DE NAISSANCE` or `N° national`; the spec lists case, accents, spaces, `_` and `-`,
 * and dropping the other punctuation (`°`, `.`, `'`) too costs nothing and spares a failed import.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Each normalised alias, with its field and its rank in that field's list (lower is preferred). */
const FIELD_BY_ALIAS: ReadonlyMap<string, { readonly field: RegisterField; readonly rank: number }> = (() => {
  const byAlias = new Map<string, { field: RegisterField; rank: number }>();
  for (const field of REGISTER_FIELDS) {
    COLUMN_ALIASES[field].forEach((alias, rank) => {
      const key = normaliseHeader(alias);
      const taken = byAlias.get(key);
      if (taken && taken.field !== field) {
        throw new Error(`Header alias "${alias}" is claimed by ${taken.field} and ${field}`);
      }
      if (!taken) byAlias.set(key, { field, rank });
    });
  }
  return byAlias;
})();

/** Which field a header names, if any. */
export function fieldOfHeader(header: string): RegisterField | undefined {
  return FIELD_BY_ALIAS.get(normaliseHeader(header))?.field;
}

/** The position of each field in a record; `box` may be absent. */
export type ColumnMapping = Readonly<Record<Exclude<RegisterField, 'box'>, number>> & { readonly box?: number };

/** The header as found, for the import report: which header was taken for which field. */
export interface ColumnMatch {
  readonly mapping: ColumnMapping;
  readonly headers: Readonly<Partial<Record<RegisterField, string>>>;
  readonly columnCount: number;
}

/**
 * Maps a header row to the fields. Extra columns are ignored. When two headers name the same field, the
 * one earlier in the alias list wins: a file with both `Localité` (the postal locality, what letters need)
 * and `Commune` (the merged municipality) takes `Localité`, and a bilingual `Nom`/`Naam` export takes `Nom`.
 * Only the same name twice is ambiguous. A missing required column or an ambiguous one makes the whole
 * file unusable, so it throws a RegisterFileError naming the columns and the accepted names; row-level
 * problems, by contrast, are values (see register-row.ts).
 */
export function matchColumns(
  header: readonly string[],
  messages: RegisterMessages = FRENCH_REGISTER_MESSAGES,
): ColumnMatch {
  const candidates = new Map<RegisterField, { index: number; rank: number }[]>();
  header.forEach((name, index) => {
    const alias = FIELD_BY_ALIAS.get(normaliseHeader(name));
    if (alias) candidates.set(alias.field, [...(candidates.get(alias.field) ?? []), { index, rank: alias.rank }]);
  });

  const chosen = new Map<RegisterField, number>();
  const ambiguous: { label: string; headers: string[] }[] = [];
  for (const [field, found] of candidates) {
    const best = Math.min(...found.map(({ rank }) => rank));
    const tied = found.filter(({ rank }) => rank === best);
    if (tied.length > 1) {
      ambiguous.push({
        label: messages.fieldLabels[field] ?? field,
        headers: tied.map(({ index }) => header[index] ?? ''),
      });
    }
    chosen.set(field, tied[0]?.index ?? -1);
  }
  if (ambiguous.length > 0) throw registerFileError(messages, 'DUPLICATE_COLUMNS', { duplicates: ambiguous });

  const missing = REGISTER_FIELDS.filter((field) => !OPTIONAL_FIELDS.has(field) && !chosen.has(field));
  if (missing.length > 0) throw missingColumns(messages, missing, header);

  return {
    mapping: Object.fromEntries(chosen) as ColumnMapping,
    headers: Object.fromEntries([...chosen].map(([field, index]) => [field, header[index] ?? ''])),
    columnCount: header.length,
  };
}

function missingColumns(
  messages: RegisterMessages,
  missing: readonly RegisterField[],
  header: readonly string[],
): RegisterFileError {
  return registerFileError(messages, 'MISSING_COLUMNS', {
    missing: missing.map((field) => ({ label: messages.fieldLabels[field] ?? field, aliases: COLUMN_ALIASES[field] })),
    found: header.filter((name) => name.trim() !== ''),
  });
}

/** The text of each field of one record (a missing trailing cell reads as empty). */
export type RawRegisterRecord = Readonly<Record<RegisterField, string>>;

export function pickFields(record: readonly string[], mapping: ColumnMapping): RawRegisterRecord {
  const at = (index: number | undefined) => (index === undefined ? '' : (record[index] ?? ''));
  return {
    nationalNumber: at(mapping.nationalNumber),
    lastName: at(mapping.lastName),
    firstName: at(mapping.firstName),
    birthDate: at(mapping.birthDate),
    street: at(mapping.street),
    houseNumber: at(mapping.houseNumber),
    box: at(mapping.box),
    postcode: at(mapping.postcode),
    locality: at(mapping.locality),
    household: at(mapping.household),
  };
}
