/**
 * Draws the town's logo in a box, keeping its proportions. An image is opened once per document, so its
 * bytes are embedded once however many pages show it (pdfkit would embed a Buffer again at every call).
 */
import { mm } from './envelope-geometry.ts';
import type { LetterDocument } from './letter-document.ts';
import type { TownLogo } from './letter-input.ts';
import { drawImage, openImage } from './pdfkit-internals.ts';

/** Draws the logo fitted into the box (mm), top-left aligned. */
export type DrawLogo = (x: number, y: number, width: number, height: number) => void;

export function prepareLogo(doc: LetterDocument, logo: TownLogo | undefined): DrawLogo | undefined {
  if (!logo) return undefined;
  if (logo.kind === 'image') {
    const image = openImage(doc, logo.data);
    return (x, y, width, height) => drawImage(doc, image, mm(x), mm(y), [mm(width), mm(height)]);
  }
  return (x, y, width, height) => {
    const scale = Math.min(mm(width) / logo.width, mm(height) / logo.height);
    doc.save();
    doc.translate(mm(x), mm(y)).scale(scale);
    for (const path of logo.paths) doc.path(path.d).fill(path.fill);
    doc.restore();
  };
}
