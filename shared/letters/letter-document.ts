/**
 * A pdfkit document set up for letters: A4, no margins (every position is explicit), compressed streams,
 * the DejaVu fonts registered once (pdfkit embeds only the glyphs used: a subset per font).
 */
import PDFDocument from 'pdfkit';
import { loadFont } from '../pdf/fonts.ts';
import { FONT } from './letter-style.ts';

export type LetterDocument = typeof PDFDocument;

export function createLetterDocument(title: string, author: string): LetterDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    // Shaping words is most of the cost of text: keep pdfkit's cache (render-letter-batch.ts bounds it).
    fontLayoutCache: true,
    info: { Title: title, Author: author, Creator: 'local-voucher-platform' },
  });
  doc.registerFont(FONT.regular, loadFont('regular'));
  doc.registerFont(FONT.bold, loadFont('bold'));
  doc.registerFont(FONT.mono, loadFont('mono'));
  return doc;
}
