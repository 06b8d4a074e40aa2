/**
 * CSV as a spreadsheet on a Belgian Windows opens it: UTF-8 with a BOM (so Excel reads the accents), `;`
 * separated (the list separator of a French or Dutch locale), CRLF, RFC 4180 quoting, formulas neutralised.
 */

export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[;"\r\n]/;
// OWASP CSV injection: a cell starting with one of these is run as a formula by Excel or LibreOffice
// (a leading tab or carriage return is skipped by the spreadsheet, and what follows it is run).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula, with a leading `'` (shown as text, never run). Numbers are
 * never formulas (a negative amount stays a number): only text goes through here.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, quoted when needed. Text that a spreadsheet would run as a formula gets a leading `'`. */
export function csvCell(value: string | number): string {
  const safe = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line, CRLF included, so a file is its lines concatenated (and can be streamed line by line). */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}
