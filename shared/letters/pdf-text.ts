/** Text on a letter page at millimetre positions, in the letters' styles (letter-style.ts). */
import { mm } from './envelope-geometry.ts';
import type { LetterDocument } from './letter-document.ts';
import { COLOUR, FONT, LINE_GAP, SIZE } from './letter-style.ts';

export interface TextStyle {
  readonly font: (typeof FONT)[keyof typeof FONT];
  /** Points. */
  readonly size: number;
  readonly colour: string;
  /** Points added between characters (small capitals labels). */
  readonly spacing?: number;
}

export const BODY: TextStyle = { font: FONT.regular, size: SIZE.body, colour: COLOUR.ink };

const PT_TO_MM = 25.4 / 72;

function apply(doc: LetterDocument, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.colour);
}

/** A paragraph wrapped to `width` mm; returns the position (mm) just below its last line. */
export function paragraph(
  doc: LetterDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  align: 'left' | 'right' | 'center' = 'left',
): number {
  apply(doc, style);
  doc.text(text, mm(x), mm(y), {
    width: mm(width),
    align,
    lineGap: LINE_GAP,
    characterSpacing: style.spacing ?? 0,
  });
  return doc.y * PT_TO_MM;
}

/**
 * One line, never wrapped. Right or centred alignment within `width` mm is computed here: pdfkit would
 * run its line wrapper for it, which costs more than the whole line.
 */
export function line(
  doc: LetterDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  align: { readonly width: number; readonly align: 'right' | 'center' } | undefined = undefined,
): void {
  let left = x;
  if (align) {
    const free = align.width - textWidth(doc, text, style);
    left += align.align === 'right' ? free : free / 2;
  }
  apply(doc, style);
  doc.text(text, mm(left), mm(y), { lineBreak: false, characterSpacing: style.spacing ?? 0 });
}

/** Width of one line of text, in mm. */
export function textWidth(doc: LetterDocument, text: string, style: TextStyle): number {
  apply(doc, style);
  return doc.widthOfString(text, { characterSpacing: style.spacing ?? 0 }) * PT_TO_MM;
}

/** The largest size not above `style.size` (and not below `minSize`) at which `text` fits in `width` mm. */
export function shrinkToFit(
  doc: LetterDocument,
  text: string,
  width: number,
  style: TextStyle,
  minSize: number,
): TextStyle {
  const natural = textWidth(doc, text, style);
  if (natural <= width) return style;
  return { ...style, size: Math.max(minSize, (style.size * width) / natural) };
}

/** `https://bons.boussu.be/` → `bons.boussu.be`: what a person reads and types. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
