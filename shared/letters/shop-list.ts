/**
 * Where the partner shops are printed. Up to FRONT_SHOP_LIMIT fit on the front, beside the address (the
 * only free space: the rest of the page is text and voucher); more go on the back of the letter, in two or
 * three columns, so every letter is then one sheet printed on both sides (two PDF pages, printed duplex).
 * The back is the same for every letter: a template drawn once per PDF.
 */
import type { PagesPerLetter } from './batches.ts';
import { A4, mm } from './envelope-geometry.ts';
import { drawFooter } from './front-footer.ts';
import { CONTENT_WIDTH, DETAILS, FOOTER_Y, MARGIN } from './front-layout.ts';
import type { ShopListPlace } from './i18n/texts.ts';
import type { LetterContext } from './letter-context.ts';
import type { PartnerShop } from './letter-input.ts';
import { COLOUR, FONT, SIZE } from './letter-style.ts';
import { BODY, line, paragraph, type TextStyle, textWidth } from './pdf-text.ts';
import { drawTemplate, type PdfTemplate } from './pdfkit-internals.ts';

export const FRONT_SHOP_LIMIT = 3;

export function shopsOnBack(shops: readonly PartnerShop[]): boolean {
  return shops.length > FRONT_SHOP_LIMIT;
}

export function shopListPlace(shops: readonly PartnerShop[]): ShopListPlace {
  if (shops.length === 0) return 'online';
  return shopsOnBack(shops) ? 'back' : 'front';
}

export function pagesPerLetterFor(shops: readonly PartnerShop[]): PagesPerLetter {
  return shopsOnBack(shops) ? 2 : 1;
}

const NAME: TextStyle = { font: FONT.bold, size: 8.5, colour: COLOUR.ink };
const ADDRESS: TextStyle = { font: FONT.regular, size: SIZE.small, colour: COLOUR.muted };

/** Cuts `text` with an ellipsis so that it fits in `width` mm. */
export function truncate(doc: LetterContext['doc'], text: string, width: number, style: TextStyle): string {
  if (textWidth(doc, text, style) <= width) return text;
  let keep = text.length;
  while (keep > 1 && textWidth(doc, `${text.slice(0, keep).trimEnd()}…`, style) > width) keep -= 1;
  return `${text.slice(0, keep).trimEnd()}…`;
}

/** The short list on the front, in the top panel right of the window, below the reference. */
export const FRONT_SHOPS = { x: DETAILS.x, y: DETAILS.y + 17, width: DETAILS.width } as const;

export function drawShopsOnFront(context: LetterContext): number {
  const { doc, texts } = context;
  const { x, width } = FRONT_SHOPS;
  line(doc, texts.shops.title, x, FRONT_SHOPS.y, { font: FONT.bold, size: 9, colour: COLOUR.accent });
  const name: TextStyle = { ...NAME, size: 8 };
  const address: TextStyle = { ...ADDRESS, size: 7.5 };
  let y = FRONT_SHOPS.y + 1.6;
  for (const shop of context.shops) {
    y += 4;
    line(doc, truncate(doc, shop.name, width, name), x, y, name);
    line(doc, truncate(doc, shop.address, width, address), x, y + 3.4, address);
    y += 3.4;
  }
  // The bottom of the last address line (DejaVu's line is about 1.17 em).
  return y + 7.5 * 1.17 * (25.4 / 72);
}

const COLUMN_GAP = 6;
const ENTRY_HEIGHT = 9;
const LIST_TOP = 48;
const LIST_BOTTOM = FOOTER_Y - 6;
export const BACK_ROWS = Math.floor((LIST_BOTTOM - LIST_TOP) / ENTRY_HEIGHT);
/** Two wide columns when they hold every shop (fewer names cut short), else three. */
export function backColumns(shopCount: number): 2 | 3 {
  return shopCount <= 2 * BACK_ROWS ? 2 : 3;
}
/** How many shops the back can list; beyond, the last place says how many more there are, and where. */
export const BACK_CAPACITY = 3 * BACK_ROWS;

/** The back page, drawn once into a template. */
export function drawShopListBack(context: LetterContext): PdfTemplate {
  const { doc, texts, words, shops } = context;
  return drawTemplate(doc, 'ShopList', mm(A4.width), mm(A4.height), () => {
    line(doc, texts.shops.title, MARGIN, 20, { font: FONT.bold, size: SIZE.headline, colour: COLOUR.accent });
    paragraph(doc, texts.shops.backIntro(words), MARGIN, 31, CONTENT_WIDTH, BODY);
    doc.rect(mm(MARGIN), mm(LIST_TOP - 4), mm(CONTENT_WIDTH), 0.6).fill(COLOUR.rule);

    const overflow = shops.length > BACK_CAPACITY;
    const listed = overflow ? shops.slice(0, BACK_CAPACITY - 1) : shops;
    const slots = listed.length + (overflow ? 1 : 0);
    const columns = backColumns(slots);
    const rows = Math.ceil(slots / columns);
    const columnWidth = (CONTENT_WIDTH - (columns - 1) * COLUMN_GAP) / columns;
    const place = (index: number) => ({
      x: MARGIN + Math.floor(index / rows) * (columnWidth + COLUMN_GAP),
      y: LIST_TOP + (index % rows) * ENTRY_HEIGHT,
    });
    listed.forEach((shop, index) => {
      const { x, y } = place(index);
      line(doc, truncate(doc, shop.name, columnWidth, NAME), x, y, NAME);
      line(doc, truncate(doc, shop.address, columnWidth, ADDRESS), x, y + 3.8, ADDRESS);
    });
    if (overflow) {
      const { x, y } = place(listed.length);
      paragraph(doc, texts.shops.more(shops.length - listed.length, words), x, y, columnWidth, ADDRESS);
    }
    drawFooter(context);
  });
}
