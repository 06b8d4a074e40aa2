/**
 * The settlement statement for finance: one CSV line per purchase paid, as a French-locale Excel opens it
 * (decimal comma, `dd/mm/yyyy`, Brussels time). Streamed: a run of 100 000 purchases is never one string.
 */
import { CSV_BOM, csvLine } from '../csv/spreadsheet-csv.ts';
import { redemptionReference } from '../ledger/redemption.ts';
import { formatDecimal } from '../money/money.ts';
import { brusselsDateOf, formatBrusselsTime, formatFrenchDate } from '../time/calendar-date.ts';
import type { SettlementTexts } from './i18n/texts.ts';
import type { StatementLine } from './settlement.ts';

/** The header line, BOM first (Excel reads UTF-8 accents only with it). */
export function statementHeader(texts: SettlementTexts): string {
  const columns = texts.statementColumns;
  return `${CSV_BOM}${csvLine([
    columns.shop,
    columns.shopId,
    columns.date,
    columns.time,
    columns.amount,
    columns.voucherReference,
    columns.purchaseReference,
    columns.settlementId,
  ])}`;
}

/** `12,50`: a number for a French-locale spreadsheet (decimal comma, no grouping, no currency sign). */
function spreadsheetAmount(amountCents: number): string {
  return formatDecimal(amountCents).replace('.', ',');
}

/** One purchase, CRLF included. `texts` is unused today but keeps every line function language-aware. */
export function statementLine(line: StatementLine, _texts: SettlementTexts): string {
  const instant = new Date(line.createdAt);
  return csvLine([
    line.merchantName,
    line.merchantId,
    formatFrenchDate(brusselsDateOf(instant)),
    formatBrusselsTime(instant),
    spreadsheetAmount(line.amountCents),
    line.voucherReference,
    redemptionReference(line.redemptionId),
    line.settlementId,
  ]);
}

/** The whole statement, chunk by chunk (header, then one chunk per line), for a streamed upload. */
export async function* statementCsv(
  lines: AsyncIterable<StatementLine> | Iterable<StatementLine>,
  texts: SettlementTexts,
): AsyncGenerator<string> {
  yield statementHeader(texts);
  for await (const line of lines) yield statementLine(line, texts);
}
