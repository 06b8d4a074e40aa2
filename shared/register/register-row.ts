/**
 * One register line, checked and turned into a person, or rejected with every reason found on it (so the
 * clerk fixes the line once, not once per re-import). The line number always travels with the result.
 */
import type { CalendarDate } from '../time/calendar-date.ts';
import { readBirthDate } from './birth-date.ts';
import type { RawRegisterRecord } from './columns.ts';
import {
  birthDateMatches,
  checkNationalNumber,
  formatEncodedBirthDate,
  type NationalNumber,
  type NationalNumberKind,
} from './national-number.ts';
import {
  FRENCH_REGISTER_MESSAGES,
  type RegisterIssueCode,
  type RegisterMessages,
  type RowIssue,
  rowIssue,
} from './register-messages.ts';

export interface RegisterAddress {
  readonly street: string;
  readonly houseNumber: string;
  readonly box: string | null;
  /** Four digits: the residents of a Belgian town have Belgian postcodes. */
  readonly postcode: string;
  readonly locality: string;
}

export interface RegisterPerson {
  /** Physical line of the file where the record starts (1 = the header). */
  readonly line: number;
  readonly nationalNumber: NationalNumber;
  readonly nationalNumberKind: NationalNumberKind;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  readonly address: RegisterAddress;
  /** The register's household identifier, as exported (letters to minors go to their household). */
  readonly householdId: string;
}

/**
 * A line that cannot be imported. It names no one: the line number leads the clerk to the row in the
 * file, and the report (kept in S3 for the campaign's life) then holds no more personal data than needed.
 */
export interface RejectedRow {
  readonly line: number;
  /** The first issue's code, for programs that want one. */
  readonly code: RegisterIssueCode;
  /** Every issue's reason, joined: what the report's "reason" column shows. */
  readonly reason: string;
  readonly issues: readonly RowIssue[];
}

export type RowValidation =
  | { readonly ok: true; readonly person: RegisterPerson }
  | { readonly ok: false; readonly rejection: RejectedRow };

export interface RowValidationOptions {
  /** The Brussels date the import runs: a birth date after it is refused. Injected so tests are stable. */
  readonly today: CalendarDate;
  readonly messages?: RegisterMessages;
}

/**
 * Unicode NFC (a name typed on a Mac and the same name from the register compare equal), trimmed, inner
 * runs of spaces and line breaks (quoted multi-line cells) reduced to one space.
 */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const POSTCODE = /^(?:B-?\s?)?([1-9]\d{3})$/i;

export function rejectRow(line: number, issues: readonly RowIssue[]): RejectedRow {
  const [first] = issues;
  if (!first) throw new Error('A rejected row needs at least one issue');
  return { line, code: first.code, reason: issues.map((issue) => issue.reason).join(' ; '), issues };
}

export function validateRegisterRow(
  raw: RawRegisterRecord,
  line: number,
  options: RowValidationOptions,
): RowValidation {
  const messages = options.messages ?? FRENCH_REGISTER_MESSAGES;
  const issues: RowIssue[] = [];

  const nationalNumber = checkNationalNumber(raw.nationalNumber, messages);
  if (!nationalNumber.ok) issues.push({ code: nationalNumber.code, reason: nationalNumber.reason });

  const lastName = cleanText(raw.lastName);
  if (lastName === '') issues.push(rowIssue(messages, 'LAST_NAME_MISSING', {}));
  const firstName = cleanText(raw.firstName);
  if (firstName === '') issues.push(rowIssue(messages, 'FIRST_NAME_MISSING', {}));

  const birthText = cleanText(raw.birthDate);
  const birth = readBirthDate(birthText);
  if (!birth.ok) {
    if (birth.problem === 'MISSING') issues.push(rowIssue(messages, 'BIRTH_DATE_MISSING', {}));
    if (birth.problem === 'FORMAT') issues.push(rowIssue(messages, 'BIRTH_DATE_FORMAT', { value: birthText }));
    if (birth.problem === 'IMPOSSIBLE') issues.push(rowIssue(messages, 'BIRTH_DATE_IMPOSSIBLE', { value: birthText }));
  } else if (birth.date > options.today) {
    issues.push(rowIssue(messages, 'BIRTH_DATE_IN_FUTURE', { value: birthText }));
  } else if (nationalNumber.ok && !birthDateMatches(nationalNumber.birth, birth.date)) {
    issues.push(
      rowIssue(messages, 'BIRTH_DATE_MISMATCH', {
        value: birthText,
        encoded: formatEncodedBirthDate(nationalNumber.birth),
      }),
    );
  }

  const street = cleanText(raw.street);
  if (street === '') issues.push(rowIssue(messages, 'STREET_MISSING', {}));
  const houseNumber = cleanText(raw.houseNumber);
  if (houseNumber === '') issues.push(rowIssue(messages, 'HOUSE_NUMBER_MISSING', {}));
  const postcodeText = cleanText(raw.postcode);
  const postcode = POSTCODE.exec(postcodeText)?.[1];
  if (postcodeText === '') issues.push(rowIssue(messages, 'POSTCODE_MISSING', {}));
  else if (postcode === undefined) issues.push(rowIssue(messages, 'POSTCODE_INVALID', { value: postcodeText }));
  const locality = cleanText(raw.locality);
  if (locality === '') issues.push(rowIssue(messages, 'LOCALITY_MISSING', {}));
  const householdId = cleanText(raw.household);
  if (householdId === '') issues.push(rowIssue(messages, 'HOUSEHOLD_MISSING', {}));

  if (issues.length > 0 || !nationalNumber.ok || !birth.ok || postcode === undefined) {
    return { ok: false, rejection: rejectRow(line, issues) };
  }
  const box = cleanText(raw.box);
  return {
    ok: true,
    person: {
      line,
      nationalNumber: nationalNumber.value,
      nationalNumberKind: nationalNumber.kind,
      lastName,
      firstName,
      birthDate: birth.date,
      address: { street, houseNumber, box: box === '' ? null : box, postcode, locality },
      householdId,
    },
  };
}
