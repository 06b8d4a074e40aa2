/**
 * The fixed part of a letter's front, drawn once per PDF and recipient kind into a template: letterhead,
 * return address, date, introduction, the voucher panel's frame, instructions, footer and fold marks.
 * letter-page.ts adds what differs per letter. Throws when a catalogue's text would run into the next block.
 */
import { postalLines, returnAddressLine } from './address-block.ts';
import { A4, ADDRESS_BLOCK, FOLD_LINES, mm, windowReach } from './envelope-geometry.ts';
import { drawFooter } from './front-footer.ts';
import {
  BODY_BOTTOM,
  COLUMNS,
  CONTENT_WIDTH,
  DETAILS,
  GREETING_Y,
  INTRO_Y,
  LETTERHEAD,
  LOGO,
  MARGIN,
  PANEL,
  PANEL_TEXT,
  QR_BOX,
  SENDER,
} from './front-layout.ts';
import type { LetterContext } from './letter-context.ts';
import type { RecipientKind } from './letter-input.ts';
import { COLOUR, FONT, SIZE } from './letter-style.ts';
import { BODY, line, paragraph, shrinkToFit, type TextStyle } from './pdf-text.ts';
import { drawTemplate, type PdfTemplate } from './pdfkit-internals.ts';
import { drawShopsOnFront, shopListPlace } from './shop-list.ts';

export class LetterLayoutError extends Error {
  override readonly name = 'LetterLayoutError';
}

const MUTED: TextStyle = { font: FONT.regular, size: SIZE.small, colour: COLOUR.muted };
const TITLE: TextStyle = { font: FONT.bold, size: SIZE.title, colour: COLOUR.accent };

function mustEndBefore(bottom: number, limit: number, what: string): void {
  if (bottom > limit) {
    throw new LetterLayoutError(`${what} ends at ${bottom.toFixed(1)} mm, past ${limit.toFixed(1)} mm`);
  }
}

export function drawFrontTemplate(context: LetterContext, kind: RecipientKind): PdfTemplate {
  const { doc } = context;
  return drawTemplate(
    doc,
    kind === 'parentsOf' ? 'FrontParents' : 'FrontBeneficiary',
    mm(A4.width),
    mm(A4.height),
    () => {
      drawLetterhead(context);
      drawReturnAddress(context);
      if (shopListPlace(context.shops) === 'front') {
        mustEndBefore(drawShopsOnFront(context), FOLD_LINES[0] - 1, 'The shop list');
      }
      drawIntro(context, kind);
      drawPanelFrame(context);
      drawInstructions(context);
      drawFooter(context);
      // Fold marks in the left margin, for the folding machine's operator and for hand folding.
      for (const fold of FOLD_LINES) doc.rect(0, mm(fold) - 0.25, mm(5), 0.5).fill(COLOUR.rule);
    },
  );
}

function drawLetterhead(context: LetterContext): void {
  const { doc, town, texts, words } = context;
  context.logo?.(LOGO.x, LOGO.y, LOGO.width, LOGO.height);
  const heading: TextStyle = { font: FONT.bold, size: 14, colour: COLOUR.accent };
  let y = paragraph(doc, town.letterhead, LETTERHEAD.x, LETTERHEAD.y, LETTERHEAD.width, heading);
  if (town.department) y = paragraph(doc, town.department, LETTERHEAD.x, y + 0.5, LETTERHEAD.width, MUTED);
  // Above any part of the page the window can show: only the address may appear in it.
  mustEndBefore(y, windowReach().y - 1, 'The letterhead');

  const [street, locality] = postalLines(town.returnAddress, texts);
  const contact = [street, locality, texts.letter.phone(town.phone), town.email, words.siteUrl];
  contact.forEach((text, index) => {
    line(doc, text, SENDER.x, SENDER.y + index * 4, MUTED, { width: SENDER.width, align: 'right' });
  });
}

function drawReturnAddress(context: LetterContext): void {
  const { doc, town, texts } = context;
  const style: TextStyle = { font: FONT.regular, size: SIZE.returnAddress, colour: COLOUR.muted };
  const returnAddress = returnAddressLine(town, texts);
  line(
    doc,
    returnAddress,
    ADDRESS_BLOCK.x,
    ADDRESS_BLOCK.y,
    shrinkToFit(doc, returnAddress, ADDRESS_BLOCK.width, style, 5),
  );
  doc.rect(mm(ADDRESS_BLOCK.x), mm(ADDRESS_BLOCK.y + 3.6), mm(ADDRESS_BLOCK.width), 0.4).fill(COLOUR.rule);

  const date = texts.letter.placeAndDate(town.returnAddress.locality, texts.date(context.letterDate));
  line(doc, date, DETAILS.x, DETAILS.y, { ...BODY, colour: COLOUR.ink });
  line(doc, texts.letter.referenceLabel, DETAILS.x, DETAILS.y + 7, MUTED);
}

function drawIntro(context: LetterContext, kind: RecipientKind): void {
  const { doc, texts, words } = context;
  const intro = kind === 'parentsOf' ? texts.letter.introForParents(words) : texts.letter.introForBeneficiary(words);
  if (kind === 'parentsOf') line(doc, texts.letter.greetingParents, MARGIN, GREETING_Y, BODY);
  const bottom = paragraph(doc, intro, MARGIN, INTRO_Y, CONTENT_WIDTH, BODY);
  mustEndBefore(bottom, PANEL.y - 2, 'The introduction');
}

function drawPanelFrame(context: LetterContext): void {
  const { doc, texts, words } = context;
  doc.roundedRect(mm(PANEL.x), mm(PANEL.y), mm(PANEL.width), mm(PANEL.height), mm(3)).fill(COLOUR.tint);
  doc.roundedRect(mm(QR_BOX.x), mm(QR_BOX.y), mm(QR_BOX.size), mm(QR_BOX.size), mm(1.5)).fill(COLOUR.white);
  const label: TextStyle = { font: FONT.bold, size: SIZE.small, colour: COLOUR.accent, spacing: 1.2 };
  line(doc, texts.voucher.label, PANEL_TEXT.x, PANEL.y + 5, label);
  line(doc, texts.voucher.validUntil(words.endDate), PANEL_TEXT.x, PANEL.y + 35.5, { ...BODY, size: 10 });
  const bottom = paragraph(doc, texts.letter.keepSafe, PANEL_TEXT.x, PANEL.y + 42, PANEL_TEXT.width, MUTED);
  mustEndBefore(bottom, PANEL.y + PANEL.height - 1, 'The voucher panel');
  const hint: TextStyle = { ...MUTED, size: 7 };
  const below = QR_BOX.y + QR_BOX.size;
  line(doc, texts.voucher.scanHint, QR_BOX.x - 4, below + 6.2, hint, { width: QR_BOX.size + 8, align: 'center' });
}

function drawInstructions(context: LetterContext): void {
  const { doc, texts, words } = context;
  const { left, right, width } = COLUMNS;

  line(doc, texts.letter.howToTitle, left, COLUMNS.y, TITLE);
  let y = COLUMNS.y + 6.5;
  texts.letter.steps(words, shopListPlace(context.shops)).forEach((step, index) => {
    doc.circle(mm(left + 2.2), mm(y + 1.7), mm(2.2)).fill(COLOUR.accent);
    line(doc, String(index + 1), left + 1.3, y + 0.45, { font: FONT.bold, size: 8, colour: COLOUR.white });
    y = paragraph(doc, step, left + 7, y, width - 7, BODY) + 2;
  });

  line(doc, texts.letter.validityTitle, right, COLUMNS.y, TITLE);
  let z = paragraph(doc, texts.letter.validity(words), right, COLUMNS.y + 6.5, width, BODY) + 3;
  line(doc, texts.letter.lostTitle, right, z, TITLE);
  z = paragraph(doc, texts.letter.lost(words), right, z + 6.5, width, BODY);

  // The sign-off, across the page under both columns.
  let end = paragraph(doc, texts.letter.closing, left, Math.max(y, z) + 4, CONTENT_WIDTH, BODY) + 1;
  end = paragraph(doc, texts.letter.signature(words), left, end, CONTENT_WIDTH, { ...BODY, font: FONT.bold });
  mustEndBefore(end, BODY_BOTTOM, 'The instructions');
}
