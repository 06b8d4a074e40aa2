/**
 * The register import's pure part: file in, a stream of events out (people, duplicate lines, rejected
 * lines, then the counts). The caller writes people to the store and rejections to the report as they come.
 */
import type { CalendarDate } from '../time/calendar-date.ts';
import { type ColumnMatch, matchColumns, pickFields } from './columns.ts';
import {
  type Delimiter,
  type EncodingDetection,
  type OpenRegisterCsvOptions,
  type OpenRegisterFile,
  openRegisterCsv,
} from './csv-source.ts';
import { FRENCH_REGISTER_MESSAGES, rowIssue } from './register-messages.ts';
import { type RegisterPerson, type RejectedRow, rejectRow, validateRegisterRow } from './register-row.ts';

export interface ReadRegisterOptions extends OpenRegisterCsvOptions {
  /** The Brussels date of the import: birth dates after it are refused. */
  readonly today: CalendarDate;
}

export interface RegisterFileInfo {
  readonly encoding: EncodingDetection;
  readonly delimiter: Delimiter;
  readonly columns: ColumnMatch;
}

/**
 * A valid line for a national number already seen in this file. It adds no one: the first line wins.
 * `identical` tells the clerk whether the two lines disagree (e.g. two addresses), which deserves a look.
 */
export interface DuplicateRow {
  readonly line: number;
  readonly firstLine: number;
  readonly identical: boolean;
}

export interface RegisterSummary {
  /** Lines with data: empty lines and lines of empty cells (`;;;;`) are not rows. total = valid + invalid. */
  readonly rows: { readonly total: number; readonly valid: number; readonly invalid: number };
  /** Distinct people (valid rows minus duplicates). */
  readonly people: number;
  readonly duplicates: number;
  /** Lines of empty cells only (`;;;;`), as spreadsheets leave them; wholly empty lines are not counted. */
  readonly emptyRows: number;
}

export type RegisterEvent =
  | { readonly type: 'file'; readonly file: RegisterFileInfo }
  | { readonly type: 'person'; readonly person: RegisterPerson }
  | { readonly type: 'duplicate'; readonly duplicate: DuplicateRow }
  | { readonly type: 'rejected'; readonly rejection: RejectedRow }
  | { readonly type: 'end'; readonly summary: RegisterSummary };

/**
 * Reads the register as a stream of events: `file` first, then one event per data line in file order,
 * then `end`. File-level problems (empty file, no delimiter, missing columns, unreadable CSV) throw a
 * RegisterFileError; line-level problems are `rejected` events and the reading goes on.
 * Memory stays flat but for one small entry per distinct person (to spot duplicates).
 */
export async function* readRegister(
  open: OpenRegisterFile,
  options: ReadRegisterOptions,
): AsyncGenerator<RegisterEvent, void, undefined> {
  const messages = options.messages ?? FRENCH_REGISTER_MESSAGES;
  const csv = await openRegisterCsv(open, options);
  try {
    const columns = matchColumns(csv.header.fields, messages);
    yield { type: 'file', file: { encoding: csv.encoding, delimiter: csv.delimiter, columns } };

    const seen = new Map<string, { readonly line: number; readonly fingerprint: number }>();
    let valid = 0;
    let invalid = 0;
    let emptyRows = 0;
    for await (const { line, fields } of csv.records) {
      if (fields.every((field) => field.trim() === '')) {
        emptyRows++;
        continue;
      }
      // A cell count unlike the header's means a delimiter or quote too many or too few: the cells after it
      // have moved to other columns, and a plausible-looking but wrong address must not reach a letter.
      if (fields.length !== columns.columnCount && !onlyEmptyCellsBeyond(fields, columns.columnCount)) {
        invalid++;
        const issue = rowIssue(messages, 'FIELD_COUNT', { found: fields.length, expected: columns.columnCount });
        yield { type: 'rejected', rejection: rejectRow(line, [issue]) };
        continue;
      }
      const result = validateRegisterRow(pickFields(fields, columns.mapping), line, {
        today: options.today,
        messages,
      });
      if (!result.ok) {
        invalid++;
        yield { type: 'rejected', rejection: result.rejection };
        continue;
      }
      valid++;
      const { person } = result;
      const fingerprint = fingerprintOf(person);
      const first = seen.get(person.nationalNumber);
      if (first) {
        yield {
          type: 'duplicate',
          duplicate: { line, firstLine: first.line, identical: first.fingerprint === fingerprint },
        };
        continue;
      }
      seen.set(person.nationalNumber, { line, fingerprint });
      yield { type: 'person', person };
    }
    yield {
      type: 'end',
      summary: {
        rows: { total: valid + invalid, valid, invalid },
        people: seen.size,
        duplicates: valid - seen.size,
        emptyRows,
      },
    };
  } finally {
    await csv.records.return();
  }
}

/** Trailing delimiters (`a;b;c;;`) add empty cells and move nothing: tolerated. */
function onlyEmptyCellsBeyond(fields: readonly string[], columnCount: number): boolean {
  return fields.length > columnCount && fields.slice(columnCount).every((field) => field.trim() === '');
}

/**
 * 32-bit FNV-1a of what a person's line says, to tell identical duplicates from conflicting ones without
 * keeping every line's text in memory. A collision (one in four billion) would only call two different
 * lines "identical" in the report; it never merges two people, which the national number alone decides.
 */
function fingerprintOf(person: RegisterPerson): number {
  const { address } = person;
  const text = [
    person.lastName,
    person.firstName,
    person.birthDate,
    address.street,
    address.houseNumber,
    address.box ?? '',
    address.postcode,
    address.locality,
    person.householdId,
  ].join('\u0000');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
