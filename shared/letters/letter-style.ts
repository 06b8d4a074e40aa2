/** The letters' type and colours, in one place so the letter, its back and the cover sheet agree. */

/** Names under which letter-document.ts registers the DejaVu fonts. */
export const FONT = { regular: 'Regular', bold: 'Bold', mono: 'Mono' } as const;

/** Dark enough to print well in black and white; the accent turns into a dark grey. */
export const COLOUR = {
  ink: '#1b1b1b',
  muted: '#5c6166',
  accent: '#1f4e79',
  tint: '#edf2f7',
  rule: '#b9c7d6',
  warning: '#a4262c',
  white: '#ffffff',
} as const;

/** Text sizes in points. */
export const SIZE = {
  returnAddress: 7,
  small: 8,
  body: 9.5,
  address: 10,
  title: 11,
  headline: 17,
  amount: 38,
  code: 10.5,
} as const;

/** Line spacing added to a font's natural line height, in points. */
export const LINE_GAP = 1.6;
