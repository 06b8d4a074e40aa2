/**
 * The one-page-or-more PDF summary of a settlement run for finance: deadline, totals, every transfer (full
 * IBAN and structured communication, to check against the bank's screen) and the shops left waiting.
 */
import PDFDocument from 'pdfkit';
import { formatIban } from '../iban/iban.ts';
import { formatEuros, sumCents } from '../money/money.ts';
import { loadFont } from '../pdf/fonts.ts';
import { formatFrenchDate } from '../time/calendar-date.ts';
import type { SettlementTexts } from './i18n/texts.ts';
import { brusselsDateTime, byMerchantName, type SettlementSummaryInput } from './settlement-summary.ts';

type Doc = PDFKit.PDFDocument;

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

interface Table {
  readonly heading: string;
  /** A sentence between the heading and the first header row (first page only). */
  readonly intro?: string;
  readonly columns: ReadonlyArray<Column>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  readonly total?: ReadonlyArray<string>;
}

const MARGIN = 40;
/** Rows stop here; below is the footer's band. */
const CONTENT_BOTTOM_GAP = 60;
const FOOTER_GAP = 32;
const PAGE_NUMBER_WIDTH = 70;
const CELL_X = 4;
const CELL_Y = 4;
const BODY_SIZE = 8.5;
// Measured at 8.5 pt in DejaVu Sans, padding included: a Belgian IBAN, `+++123/4567/89012+++`, `Achats`,
// and `100 000 000,00 €` in bold fit on one line; the shop name takes what is left and wraps.
const IBAN_WIDTH = 106;
const COMMUNICATION_WIDTH = 124;
const COUNT_WIDTH = 42;
const AMOUNT_WIDTH = 96;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const STRIPE = '#f1f3f5';

function contentBottom(doc: Doc): number {
  return doc.page.height - CONTENT_BOTTOM_GAP;
}

function rowHeight(doc: Doc, columns: ReadonlyArray<Column>, cells: ReadonlyArray<string>, font: string): number {
  doc.font(font).fontSize(BODY_SIZE);
  const heights = columns.map((column, index) =>
    doc.heightOfString(cells[index] ?? '', { width: column.width - 2 * CELL_X }),
  );
  return Math.max(...heights) + 2 * CELL_Y;
}

function drawRow(
  doc: Doc,
  columns: ReadonlyArray<Column>,
  cells: ReadonlyArray<string>,
  y: number,
  options: { font: string; fill?: string; ruleAbove?: boolean; ruleBelow?: boolean },
): number {
  const height = rowHeight(doc, columns, cells, options.font);
  const width = columns.reduce((total, column) => total + column.width, 0);
  if (options.fill) doc.rect(MARGIN, y, width, height).fill(options.fill);
  doc.fillColor(INK).font(options.font).fontSize(BODY_SIZE);
  let x = MARGIN;
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', x + CELL_X, y + CELL_Y, { width: column.width - 2 * CELL_X, align: column.align });
    x += column.width;
  });
  doc.lineWidth(0.6).strokeColor(RULE);
  if (options.ruleAbove)
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke();
  if (options.ruleBelow) {
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .stroke();
  }
  return y + height;
}

function drawHeading(doc: Doc, text: string, y: number): number {
  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(12)
    .text(text, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
  return doc.y + 6;
}

/** Draws a table from `y`, onto new pages as needed, with its heading and header row repeated on each. */
function drawTable(doc: Doc, table: Table, y: number, continued: string): number {
  const header = table.columns.map((column) => column.header);
  const width = doc.page.width - 2 * MARGIN;
  const introHeight = table.intro
    ? doc.font('regular').fontSize(BODY_SIZE).heightOfString(table.intro, { width }) + 6
    : 0;
  const start = (heading: string, top: number, intro?: string) => {
    let next = drawHeading(doc, heading, top);
    if (intro) {
      doc.fillColor(MUTED).font('regular').fontSize(BODY_SIZE).text(intro, MARGIN, next, { width });
      next = doc.y + 6;
    }
    return drawRow(doc, table.columns, header, next, { font: 'bold', ruleBelow: true });
  };

  // Never a heading alone at the foot of a page: it moves with its intro, header and first row.
  const firstRow = table.rows[0] ?? table.total ?? header;
  const opening =
    doc.font('bold').fontSize(12).heightOfString(table.heading, { width }) +
    6 +
    introHeight +
    rowHeight(doc, table.columns, header, 'bold') +
    rowHeight(doc, table.columns, firstRow, 'regular');
  if (y + opening > contentBottom(doc)) {
    doc.addPage();
    y = MARGIN;
  }
  y = start(table.heading, y, table.intro);
  table.rows.forEach((cells, index) => {
    const height = rowHeight(doc, table.columns, cells, 'regular');
    if (y + height > contentBottom(doc)) {
      doc.addPage();
      y = start(`${table.heading} ${continued}`, MARGIN);
    }
    y = drawRow(doc, table.columns, cells, y, { font: 'regular', ...(index % 2 === 1 ? { fill: STRIPE } : {}) });
  });
  if (table.total) {
    if (y + rowHeight(doc, table.columns, table.total, 'bold') > contentBottom(doc)) {
      doc.addPage();
      y = start(`${table.heading} ${continued}`, MARGIN);
    }
    y = drawRow(doc, table.columns, table.total, y, { font: 'bold', ruleAbove: true });
  }
  return y;
}

function drawFrontMatter(doc: Doc, input: SettlementSummaryInput, texts: SettlementTexts): number {
  const labels = texts.summary;
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor(INK).font('bold').fontSize(16).text(labels.title(input.townName), MARGIN, MARGIN, { width });
  doc.fillColor(MUTED).font('regular').fontSize(10).text(labels.run(input.runId), { width });
  let y = doc.y + 10;

  const facts: ReadonlyArray<readonly [string, string]> = [
    [labels.cutoff, brusselsDateTime(input.cutoff, texts)],
    [labels.createdAt, brusselsDateTime(input.createdAt, texts)],
  ];
  for (const [label, value] of facts) {
    doc.fillColor(MUTED).font('regular').fontSize(10).text(label, MARGIN, y, { width: 170 });
    doc.fillColor(INK).text(value, MARGIN + 175, y, { width: width - 175 });
    y = doc.y + 2;
  }

  // The deadline is the one thing finance must not miss: bold, framed.
  y += 8;
  const deadline = labels.payoutDeadline(formatFrenchDate(input.payoutDeadline));
  doc.font('bold').fontSize(13);
  const deadlineHeight = doc.heightOfString(deadline, { width: width - 20 }) + 14;
  doc.lineWidth(1.5).strokeColor(INK).rect(MARGIN, y, width, deadlineHeight).stroke();
  doc.fillColor(INK).text(deadline, MARGIN + 10, y + 7, { width: width - 20 });
  y += deadlineHeight + 14;

  const totals: ReadonlyArray<readonly [string, string]> = [
    [labels.shopsPaid, String(input.totals.shopsPaid)],
    [labels.purchases, String(input.totals.purchases)],
    [labels.totalAmount, formatEuros(input.totals.amountCents)],
  ];
  const boxWidth = (width - 2 * 10) / 3;
  totals.forEach(([label, value], index) => {
    const x = MARGIN + index * (boxWidth + 10);
    doc.rect(x, y, boxWidth, 48).fill(STRIPE);
    doc
      .fillColor(MUTED)
      .font('regular')
      .fontSize(9)
      .text(label, x + 8, y + 7, { width: boxWidth - 16 });
    doc
      .fillColor(INK)
      .font('bold')
      .fontSize(14)
      .text(value, x + 8, y + 22, { width: boxWidth - 16 });
  });
  return y + 48 + 18;
}

function drawFooters(doc: Doc, input: SettlementSummaryInput, texts: SettlementTexts): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin while we write.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - FOOTER_GAP;
    const width = doc.page.width - 2 * MARGIN;
    doc.fillColor(MUTED).font('regular').fontSize(8);
    // The page number keeps its place; a long town name is cut short before it.
    doc.text(`${input.townName} – ${texts.summary.run(input.runId)}`, MARGIN, y, {
      width: width - PAGE_NUMBER_WIDTH,
      height: doc.currentLineHeight(),
      ellipsis: true,
    });
    doc.text(texts.summary.page(index + 1, range.count), MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The summary as PDF bytes (A4, DejaVu embedded so every accent of every shop name prints). */
export async function renderSettlementSummary(
  input: SettlementSummaryInput,
  texts: SettlementTexts,
): Promise<Uint8Array> {
  const labels = texts.summary;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 40 },
    bufferPages: true,
    lang: texts.locale,
    displayTitle: true,
    info: {
      Title: `${labels.title(input.townName)} – ${labels.run(input.runId)}`,
      // The run's own instant, not the rendering's: the same run renders the same document.
      CreationDate: new Date(input.createdAt),
    },
  });
  doc.registerFont('regular', loadFont('regular'));
  doc.registerFont('bold', loadFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let y = drawFrontMatter(doc, input, texts);

  const columns = labels.columns;
  const tableWidth = doc.page.width - 2 * MARGIN;
  const settlements = byMerchantName(input.settlements, texts);
  if (settlements.length === 0) {
    y = drawHeading(doc, labels.transfersHeading, y);
    doc.fillColor(INK).font('regular').fontSize(10).text(labels.noTransfers, MARGIN, y);
    y = doc.y + 18;
  } else {
    y = drawTable(
      doc,
      {
        heading: labels.transfersHeading,
        columns: [
          {
            header: columns.shop,
            width: tableWidth - IBAN_WIDTH - COMMUNICATION_WIDTH - COUNT_WIDTH - AMOUNT_WIDTH,
            align: 'left',
          },
          { header: columns.iban, width: IBAN_WIDTH, align: 'left' },
          { header: columns.communication, width: COMMUNICATION_WIDTH, align: 'left' },
          { header: columns.purchases, width: COUNT_WIDTH, align: 'right' },
          { header: columns.amount, width: AMOUNT_WIDTH, align: 'right' },
        ],
        rows: settlements.map((settlement) => [
          settlement.merchantName,
          formatIban(settlement.creditor.iban),
          settlement.remittanceReference,
          String(settlement.redemptions),
          formatEuros(settlement.amountCents),
        ]),
        total: [labels.total, '', '', String(input.totals.purchases), formatEuros(input.totals.amountCents)],
      },
      y,
      labels.continued,
    );
    y += 18;
  }

  if (input.waiting.length === 0) {
    y = drawHeading(doc, labels.waitingHeading, y);
    doc.fillColor(INK).font('regular').fontSize(10).text(labels.noWaiting, MARGIN, y);
  } else {
    const waiting = byMerchantName(input.waiting, texts);
    drawTable(
      doc,
      {
        heading: labels.waitingHeading,
        intro: labels.waitingIntro,
        columns: [
          { header: columns.shop, width: tableWidth - COUNT_WIDTH - AMOUNT_WIDTH, align: 'left' },
          { header: columns.purchases, width: COUNT_WIDTH, align: 'right' },
          { header: columns.amount, width: AMOUNT_WIDTH, align: 'right' },
        ],
        rows: waiting.map((shop) => [shop.merchantName, String(shop.redemptions), formatEuros(shop.amountCents)]),
        total: [
          labels.waitingTotal,
          String(waiting.reduce((count, shop) => count + shop.redemptions, 0)),
          formatEuros(sumCents(waiting.map((shop) => shop.amountCents))),
        ],
      },
      y,
      labels.continued,
    );
  }

  drawFooters(doc, input, texts);
  doc.end();
  return finished;
}
