/**
 * The fonts every generated PDF embeds: DejaVu (free, covers every Latin letter of French, Dutch and German
 * names, where the PDF standard fonts stop at WinAnsi). Each file is read once per process and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontName = 'regular' | 'bold' | 'mono';

const FILES: Readonly<Record<FontName, string>> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  // For voucher codes: fixed width, with a slashed zero that cannot be read as an O.
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<FontName, Buffer>();

/** The TTF bytes of a font (pdfkit embeds only the glyphs a document uses). */
export function loadFont(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}
