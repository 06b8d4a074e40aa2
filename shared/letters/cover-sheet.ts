/**
 * The first sheet of every batch PDF, for the people who print and insert, never mailed: which batch, which
 * postcodes, how many envelopes, letters, pages and sheets, and that the PDF holds spendable codes.
 * With duplex printing its back is a blank page, so that every letter starts on a sheet of its own.
 */
import type { BatchSummary } from './batches.ts';
import { A4, mm } from './envelope-geometry.ts';
import { CONTENT_WIDTH, LETTERHEAD, LOGO, MARGIN } from './front-layout.ts';
import type { LetterContext } from './letter-context.ts';
import { COLOUR, FONT, SIZE } from './letter-style.ts';
import { BODY, line, paragraph, type TextStyle } from './pdf-text.ts';

const LABEL: TextStyle = { font: FONT.regular, size: 11, colour: COLOUR.muted };
const VALUE: TextStyle = { font: FONT.bold, size: 11, colour: COLOUR.ink };

/** Draws the cover page(s); returns how many pages it added. */
export function drawCoverSheet(context: LetterContext, batch: BatchSummary): number {
  const { doc, texts, town, campaign } = context;
  const cover = texts.cover;
  doc.addPage();

  doc.rect(0, 0, mm(A4.width), mm(12)).fill(COLOUR.warning);
  line(doc, cover.notForMailing.toUpperCase(), MARGIN, 4.2, { font: FONT.bold, size: 10, colour: COLOUR.white });

  context.logo?.(LOGO.x, 20, LOGO.width, LOGO.height);
  line(doc, town.letterhead, LETTERHEAD.x, 22, { font: FONT.bold, size: 14, colour: COLOUR.accent });
  if (town.department) line(doc, town.department, LETTERHEAD.x, 29, { ...BODY, colour: COLOUR.muted });

  line(doc, cover.batch(batch.number, batch.of), MARGIN, 60, { font: FONT.bold, size: 28, colour: COLOUR.ink });

  const envelopes =
    batch.firstEnvelope === batch.lastEnvelope
      ? `${batch.envelopes}  (n° ${batch.firstEnvelope})`
      : `${batch.envelopes}  (n° ${batch.firstEnvelope}–${batch.lastEnvelope})`;
  const rows: [string, string][] = [
    [cover.campaign, campaign.name],
    [cover.letterDate, texts.date(context.letterDate)],
    [cover.postcodes, `${batch.postcodeFrom} – ${batch.postcodeTo}`],
    [cover.envelopes, envelopes],
    [cover.letters, String(batch.letters)],
    [cover.pages, String(batch.pages)],
    [cover.sheets, String(batch.sheets)],
    [cover.printing, batch.pagesPerLetter === 2 ? cover.duplex : cover.simplex],
  ];
  let y = 84;
  for (const [label, value] of rows) {
    line(doc, label, MARGIN, y, LABEL);
    line(doc, value, MARGIN + 55, y, VALUE);
    doc.rect(mm(MARGIN), mm(y + 6.2), mm(CONTENT_WIDTH), 0.4).fill(COLOUR.rule);
    y += 9;
  }

  const boxTop = y + 12;
  const text = paragraph(doc, cover.warning, MARGIN + 8, boxTop + 15, CONTENT_WIDTH - 16, {
    font: FONT.regular,
    size: SIZE.title,
    colour: COLOUR.ink,
  });
  doc
    .lineWidth(1.5)
    .roundedRect(mm(MARGIN), mm(boxTop), mm(CONTENT_WIDTH), mm(text - boxTop + 7), mm(2))
    .stroke(COLOUR.warning);
  line(doc, cover.warningTitle.toUpperCase(), MARGIN + 8, boxTop + 7, {
    font: FONT.bold,
    size: 12,
    colour: COLOUR.warning,
  });

  if (batch.coverPages === 1) return 1;
  doc.addPage();
  line(
    doc,
    cover.blankPage,
    MARGIN,
    A4.height / 2,
    { ...BODY, colour: COLOUR.muted },
    {
      width: CONTENT_WIDTH,
      align: 'center',
    },
  );
  return 2;
}
