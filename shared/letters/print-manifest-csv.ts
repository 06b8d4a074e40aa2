/**
 * The print shop's manifest of a batch: one row per envelope with its PDF pages, sheets and postcode, so a
 * folder-inserter (or a person) can check that each envelope gets the right sheets. No code, no name.
 * Format: RFC 4180 CSV for a machine, not a spreadsheet: UTF-8 without BOM, comma separator, CRLF line
 * ends, a header row, a field quoted only when it holds a comma, a quote or a line break. People open it in
 * a spreadsheet all the same: text that one would run as a formula (a locality of the register starting
 * with `=`, a tab or a carriage return) is neutralised as in every CSV of the platform.
 */
import { neutraliseFormula } from '../csv/spreadsheet-csv.ts';
import { type BatchSummary, envelopePages } from './batches.ts';
import type { Envelope } from './envelopes.ts';

export const PRINT_MANIFEST_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const PRINT_MANIFEST_COLUMNS = [
  'batch',
  'envelope',
  'first_page',
  'last_page',
  'pages',
  'sheets',
  'postcode',
  'locality',
] as const;

function field(value: string | number): string {
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(values: readonly (string | number)[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

export function printManifestCsv(
  envelopes: Iterable<Envelope>,
  summary: Pick<BatchSummary, 'number' | 'coverPages' | 'pagesPerLetter'>,
): string {
  let csv = row(PRINT_MANIFEST_COLUMNS);
  for (const { envelope, firstPage, lastPage } of envelopePages(envelopes, summary)) {
    csv += row([
      summary.number,
      envelope.number,
      firstPage,
      lastPage,
      lastPage - firstPage + 1,
      // One sheet per letter: its front, and its back when the shop list is printed there.
      envelope.letters.length,
      envelope.address.postcode,
      envelope.address.locality,
    ]);
  }
  return csv;
}
