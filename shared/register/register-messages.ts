/**
 * What the import report tells the town clerk, per stable code: the codes, their French texts, and the
 * error a file as a whole fails with. Texts live here, not in the rules (DESIGN: no hard-coded texts).
 */

export interface RegisterIssueParams {
  NATIONAL_NUMBER_MISSING: Record<string, never>;
  NATIONAL_NUMBER_FORMAT: { digits: number; scientific: boolean };
  NATIONAL_NUMBER_CHECK_DIGITS: Record<string, never>;
  NATIONAL_NUMBER_DATE: Record<string, never>;
  NATIONAL_NUMBER_SEQUENCE: { sequence: string };
  LAST_NAME_MISSING: Record<string, never>;
  FIRST_NAME_MISSING: Record<string, never>;
  BIRTH_DATE_MISSING: Record<string, never>;
  BIRTH_DATE_FORMAT: { value: string };
  BIRTH_DATE_IMPOSSIBLE: { value: string };
  BIRTH_DATE_IN_FUTURE: { value: string };
  BIRTH_DATE_MISMATCH: { value: string; encoded: string };
  STREET_MISSING: Record<string, never>;
  HOUSE_NUMBER_MISSING: Record<string, never>;
  POSTCODE_MISSING: Record<string, never>;
  POSTCODE_INVALID: { value: string };
  LOCALITY_MISSING: Record<string, never>;
  HOUSEHOLD_MISSING: Record<string, never>;
  FIELD_COUNT: { found: number; expected: number };
}
export type RegisterIssueCode = keyof RegisterIssueParams;

export interface RegisterFileErrorParams {
  EMPTY_FILE: Record<string, never>;
  NO_DELIMITER: { header: string };
  MISSING_COLUMNS: { missing: readonly { label: string; aliases: readonly string[] }[]; found: readonly string[] };
  DUPLICATE_COLUMNS: { duplicates: readonly { label: string; headers: readonly string[] }[] };
  INVALID_UTF8: { line: number };
  UNREADABLE_CSV: { afterLine: number };
}
export type RegisterFileErrorCode = keyof RegisterFileErrorParams;

/**
 * One catalogue per language; the type makes a new one (Dutch, German) complete or not compile.
 * French is the default and the only one so far because the reference town works in French and the
 * report is read by its clerks, not by developers: each reason says what is wrong with the line in their
 * words and, where it helps, what was read. Every reason is in French, none in English, for that reason.
 */
export type RegisterMessages = {
  readonly [C in RegisterIssueCode]: (params: RegisterIssueParams[C]) => string;
} & {
  readonly [C in RegisterFileErrorCode]: (params: RegisterFileErrorParams[C]) => string;
} & {
  /** Column names as the report shows them (the aliases are in columns.ts). */
  readonly fieldLabels: Readonly<Record<string, string>>;
};

const quoteList = (items: readonly string[]) => items.map((item) => `« ${item} »`).join(', ');

export const FRENCH_REGISTER_MESSAGES: RegisterMessages = {
  NATIONAL_NUMBER_MISSING: () => 'numéro national absent',
  NATIONAL_NUMBER_FORMAT: ({ digits, scientific }) =>
    scientific
      ? 'numéro national illisible (écrit en notation scientifique, par ex. 8,5E+10 : la colonne a été convertie en nombre par un tableur)'
      : `numéro national mal formé : ${digits} chiffre(s) au lieu de 11`,
  NATIONAL_NUMBER_CHECK_DIGITS: () =>
    'numéro national invalide : les deux derniers chiffres (chiffres de contrôle) ne correspondent pas',
  NATIONAL_NUMBER_DATE: () =>
    'numéro national invalide : les six premiers chiffres ne forment pas une date de naissance possible',
  NATIONAL_NUMBER_SEQUENCE: ({ sequence }) =>
    `numéro national invalide : le numéro d'ordre ${sequence} (7e à 9e chiffres) n'est jamais attribué`,
  LAST_NAME_MISSING: () => 'nom de famille absent',
  FIRST_NAME_MISSING: () => 'prénom absent',
  BIRTH_DATE_MISSING: () => 'date de naissance absente',
  BIRTH_DATE_FORMAT: ({ value }) =>
    `date de naissance « ${value} » illisible (formats acceptés : jj/mm/aaaa, jj.mm.aaaa ou aaaa-mm-jj)`,
  BIRTH_DATE_IMPOSSIBLE: ({ value }) => `date de naissance « ${value} » impossible (ce jour n'existe pas)`,
  BIRTH_DATE_IN_FUTURE: ({ value }) => `date de naissance « ${value} » dans le futur`,
  BIRTH_DATE_MISMATCH: ({ value, encoded }) =>
    `date de naissance « ${value} » différente de celle contenue dans le numéro national (${encoded})`,
  STREET_MISSING: () => 'rue absente (adresse incomplète : le courrier ne peut pas être envoyé)',
  HOUSE_NUMBER_MISSING: () => 'numéro de maison absent (adresse incomplète : le courrier ne peut pas être envoyé)',
  POSTCODE_MISSING: () => 'code postal absent (adresse incomplète : le courrier ne peut pas être envoyé)',
  POSTCODE_INVALID: ({ value }) => `code postal « ${value} » invalide (4 chiffres attendus)`,
  LOCALITY_MISSING: () => 'localité absente (adresse incomplète : le courrier ne peut pas être envoyé)',
  HOUSEHOLD_MISSING: () => 'numéro de ménage absent',
  FIELD_COUNT: ({ found, expected }) =>
    `la ligne a ${found} colonne(s) alors que l'en-tête en a ${expected} (séparateur ou guillemet en trop ou manquant ?)`,

  EMPTY_FILE: () => 'Le fichier est vide.',
  NO_DELIMITER: ({ header }) =>
    `Impossible de reconnaître le séparateur de colonnes (point-virgule, virgule ou tabulation) dans la première ligne : « ${header} ».`,
  MISSING_COLUMNS: ({ missing, found }) =>
    `Colonne(s) obligatoire(s) introuvable(s) : ${missing
      .map(({ label, aliases }) => `${label} (en-têtes acceptés : ${quoteList(aliases)})`)
      .join(' ; ')}. En-têtes trouvés : ${quoteList(found)}.`,
  DUPLICATE_COLUMNS: ({ duplicates }) =>
    `Colonne(s) en double, impossible de savoir laquelle utiliser : ${duplicates
      .map(({ label, headers }) => `${label} (${quoteList(headers)})`)
      .join(' ; ')}.`,
  INVALID_UTF8: ({ line }) =>
    `Le fichier est en UTF-8 mais contient un caractère invalide (�) à la ligne ${line} : réenregistrez-le en « CSV UTF-8 » depuis le tableur.`,
  UNREADABLE_CSV: ({ afterLine }) =>
    `Le fichier ne peut plus être lu après la ligne ${afterLine} : un champ ouvert par un guillemet (") n'est jamais refermé. Aucune ligne suivante n'a été lue.`,

  fieldLabels: {
    nationalNumber: 'numéro national',
    lastName: 'nom',
    firstName: 'prénom',
    birthDate: 'date de naissance',
    street: 'rue',
    houseNumber: 'numéro de maison',
    box: 'boîte',
    postcode: 'code postal',
    locality: 'localité',
    household: 'ménage',
  },
};

/** A problem found on one line: a stable code for programs and a sentence for the clerk. */
export interface RowIssue {
  readonly code: RegisterIssueCode;
  readonly reason: string;
}

export function rowIssue<C extends RegisterIssueCode>(
  messages: RegisterMessages,
  code: C,
  params: RegisterIssueParams[C],
): RowIssue {
  const describe = messages[code] as (p: RegisterIssueParams[C]) => string;
  return { code, reason: describe(params) };
}

/** The file as a whole cannot be imported (nothing row-level about it): the import fails with this message. */
export class RegisterFileError extends Error {
  override readonly name = 'RegisterFileError';
  readonly code: RegisterFileErrorCode;

  constructor(code: RegisterFileErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function registerFileError<C extends RegisterFileErrorCode>(
  messages: RegisterMessages,
  code: C,
  params: RegisterFileErrorParams[C],
): RegisterFileError {
  const describe = messages[code] as (p: RegisterFileErrorParams[C]) => string;
  return new RegisterFileError(code, describe(params));
}
