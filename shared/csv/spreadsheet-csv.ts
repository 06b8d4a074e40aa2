/**
 * CSV as a spreadsheet on a Belgian Windows opens it: UTF-8 with a BOM (so Excel reads the accents), `;`
 * separated (the list separator of a French or Dutch locale), CRLF, RFC 4180 quoting, formulas neutralised.
 */

export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[;"\r\n]/;
// OWASP CSV injection: a cell starting with one of these is run as a formula by Excel or LibreOffice.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when needed. Text that a spreadsheet would run as a formula gets a leading `'`. */
export function csvCell(value: string | number): string {
  const text = String(value);
  // Numbers are never formulas (a negative amount stays a number); only text is neutralised.
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line, CRLF included, so a file is its lines concatenated (and can be streamed line by line). */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}
