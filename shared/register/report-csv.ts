/**
 * The import reports as the clerk opens them: CSV for a spreadsheet on a Belgian Windows (quoting and
 * encoding in shared/csv/spreadsheet-csv.ts).
 */
import { CSV_BOM, csvLine } from '../csv/spreadsheet-csv.ts';
import type { Person } from '../people/person.ts';
import { formatFrenchDate } from '../time/calendar-date.ts';
import type { DuplicateRow } from './parse-register.ts';
import type { RegisterMessages } from './register-messages.ts';
import type { RejectedRow } from './register-row.ts';

export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  let csv = `${CSV_BOM}${csvLine(header)}`;
  for (const row of rows) csv += csvLine(row);
  return csv;
}

export interface ReportTexts {
  readonly header: readonly [string, string, string];
  readonly duplicateCode: string;
  readonly duplicate: (firstLine: number) => string;
}

export const FRENCH_REPORT_TEXTS: ReportTexts = {
  header: ['ligne', 'code', 'motif'],
  duplicateCode: 'DOUBLON_DIFFERENT',
  duplicate: (firstLine) =>
    `même numéro national qu'à la ligne ${firstLine}, avec d'autres données : seule la ligne ${firstLine} est retenue`,
};

/** Rejected lines, and duplicates that disagree with their first line (worth a look), in file order. */
export function rejectionReport(
  rejections: readonly RejectedRow[],
  duplicates: readonly DuplicateRow[],
  texts: ReportTexts = FRENCH_REPORT_TEXTS,
): string {
  const rows: Array<readonly [number, string, string]> = [
    ...rejections.map((rejection) => [rejection.line, rejection.code, rejection.reason] as const),
    ...duplicates
      .filter((duplicate) => !duplicate.identical)
      .map((duplicate) => [duplicate.line, texts.duplicateCode, texts.duplicate(duplicate.firstLine)] as const),
  ].sort((a, b) => a[0] - b[0]);
  return toCsv(texts.header, rows);
}

/** People kept for the campaign whom the new file no longer has: who they are, so the clerk can check. */
export function missingPeopleReport(people: readonly Person[], messages: RegisterMessages): string {
  const labels = messages.fieldLabels;
  const header = ['lastName', 'firstName', 'birthDate', 'street', 'houseNumber', 'postcode', 'locality'].map(
    (field) => labels[field] ?? field,
  );
  const sorted = [...people].sort(
    (a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'),
  );
  return toCsv(
    header,
    sorted.map((person) => [
      person.lastName,
      person.firstName,
      formatFrenchDate(person.birthDate),
      person.address.street,
      person.address.houseNumber,
      person.address.postcode,
      person.address.locality,
    ]),
  );
}
