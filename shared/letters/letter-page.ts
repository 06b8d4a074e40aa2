/**
 * One letter: its front (the template of its recipient kind, plus what is personal: address, reference,
 * first name, amount, QR code and code) and, when the shop list is printed there, its back.
 */
import { formatEuros } from '../money/money.ts';
import { formatCode, qrPayload } from '../vouchers/voucher-code.ts';
import { fitAddress, fullName, type MeasureText, RECIPIENT_AREA, windowLines } from './address-block.ts';
import { mm } from './envelope-geometry.ts';
import type { Envelope } from './envelopes.ts';
import {
  CONTENT_WIDTH,
  DETAILS,
  FOOTER_Y,
  GREETING_Y,
  HEADLINE_Y,
  MARGIN,
  PANEL,
  PANEL_TEXT,
  QR_BOX,
} from './front-layout.ts';
import { drawFrontTemplate } from './front-template.ts';
import type { LetterContext } from './letter-context.ts';
import { letterReference, type RecipientKind, type VoucherLetter } from './letter-input.ts';
import { COLOUR, FONT, SIZE } from './letter-style.ts';
import { BODY, line, shrinkToFit, type TextStyle, textWidth } from './pdf-text.ts';
import { type PdfTemplate, placeTemplate } from './pdfkit-internals.ts';
import { QUIET_ZONE_MODULES, qrContent, voucherQrRuns } from './qr-vector.ts';
import { drawShopListBack, shopsOnBack } from './shop-list.ts';

const HEADLINE: TextStyle = { font: FONT.bold, size: SIZE.headline, colour: COLOUR.accent };
const AMOUNT: TextStyle = { font: FONT.bold, size: SIZE.amount, colour: COLOUR.accent };
const HOLDER: TextStyle = { font: FONT.bold, size: 12, colour: COLOUR.ink };
const CODE: TextStyle = { font: FONT.mono, size: SIZE.code, colour: COLOUR.ink };
const MARK: TextStyle = { font: FONT.regular, size: 6.5, colour: COLOUR.muted };
/** Left-aligned near the right margin (right-aligning would measure it on every letter). */
const MARK_X = MARGIN + CONTENT_WIDTH - 16;

/** Draws letters one page (or sheet) at a time; templates are drawn on first use. */
export class LetterPainter {
  readonly #context: LetterContext;
  readonly #fronts = new Map<RecipientKind, PdfTemplate>();
  readonly #back: PdfTemplate | undefined;
  readonly #measure: MeasureText;
  /** Every code has 21 characters of a fixed-width font: its width is measured once. */
  readonly #codeWidth: number;
  #pages = 0;

  constructor(context: LetterContext) {
    this.#context = context;
    this.#back = shopsOnBack(context.shops) ? drawShopListBack(context) : undefined;
    const { doc } = context;
    this.#measure = (text, size) => doc.font(FONT.regular).fontSize(size).widthOfString(text);
    this.#codeWidth = textWidth(doc, formatCode('0'.repeat(17)), CODE);
  }

  /** Pages drawn so far. */
  get pages(): number {
    return this.#pages;
  }

  /** The `index`-th letter of `envelope` (the first one carries the window address). */
  draw(envelope: Envelope<VoucherLetter>, letter: VoucherLetter, index: number): void {
    const { doc, texts } = this.#context;
    const kind = envelope.recipient.kind;
    doc.addPage();
    this.#pages += 1;
    placeTemplate(doc, this.#front(kind));

    if (index === 0) {
      const fitted = fitAddress(windowLines(envelope, texts), this.#measure);
      const style: TextStyle = { font: FONT.regular, size: fitted.size, colour: '#000000' };
      for (const printed of fitted.lines) line(doc, printed.text, fitted.box.x, printed.top, style);
    } else {
      line(doc, texts.envelope.sameEnvelope, RECIPIENT_AREA.x, RECIPIENT_AREA.y, { ...BODY, colour: COLOUR.muted });
    }
    line(doc, letterReference(letter), DETAILS.x, DETAILS.y + 10.5, { ...BODY, font: FONT.bold });

    const headline =
      kind === 'parentsOf'
        ? texts.letter.headlineForParents(letter.firstName)
        : texts.letter.headlineForBeneficiary(letter.firstName);
    line(doc, headline, MARGIN, HEADLINE_Y, shrinkToFit(doc, headline, CONTENT_WIDTH, HEADLINE, 11));
    // The parents' greeting names no one: it is part of their template.
    if (kind === 'beneficiary') {
      line(doc, texts.letter.greetingBeneficiary(letter.firstName, letter.lastName), MARGIN, GREETING_Y, BODY);
    }

    line(doc, formatEuros(letter.amountCents), PANEL_TEXT.x - 0.8, PANEL.y + 10, AMOUNT);
    const holder = texts.voucher.forPerson(fullName(letter));
    line(doc, holder, PANEL_TEXT.x, PANEL.y + 28.5, shrinkToFit(doc, holder, PANEL_TEXT.width, HOLDER, 8));

    this.#drawQr(letter.code);
    // Envelope number and place of the letter in it, for whoever checks the inserting: "12 · 2/3".
    line(doc, `${envelope.number} · ${index + 1}/${envelope.letters.length}`, MARK_X, FOOTER_Y, MARK);

    if (this.#back) {
      doc.addPage();
      this.#pages += 1;
      placeTemplate(doc, this.#back);
    }
  }

  #drawQr(code: string): void {
    const { doc, town } = this.#context;
    const qr = voucherQrRuns(qrPayload(town.publicSiteUrl, code), formatCode(code));
    // The white box is fixed; the modules take what is left after a quiet zone of four modules each side.
    const module = QR_BOX.size / (qr.size + 2 * QUIET_ZONE_MODULES);
    const origin = { x: QR_BOX.x + QUIET_ZONE_MODULES * module, y: QR_BOX.y + QUIET_ZONE_MODULES * module };
    doc.addContent(qrContent(qr, mm(origin.x), mm(origin.y), mm(module * qr.size)));
    const centred = QR_BOX.x + (QR_BOX.size - this.#codeWidth) / 2;
    line(doc, formatCode(code), centred, QR_BOX.y + QR_BOX.size + 1.4, CODE);
  }

  #front(kind: RecipientKind): PdfTemplate {
    let template = this.#fronts.get(kind);
    if (!template) {
      template = drawFrontTemplate(this.#context, kind);
      this.#fronts.set(kind, template);
    }
    return template;
  }
}
