/**
 * Renders one print batch as a PDF, streamed: the cover sheet, then every letter of every envelope in
 * order. Envelopes are read one at a time from an iterable (sync or async) and each written page leaves
 * memory, so memory stays flat in the number of letters (but for the page tree and cross-reference table
 * a PDF needs at its end: well under a kilobyte per letter). No AWS: the letter pipeline gives the
 * envelopes and the output stream.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { CalendarDate } from '../time/calendar-date.ts';
import type { BatchSummary } from './batches.ts';
import { drawCoverSheet } from './cover-sheet.ts';
import type { Envelope } from './envelopes.ts';
import { letterContext } from './letter-context.ts';
import { createLetterDocument, type LetterDocument } from './letter-document.ts';
import type { CampaignLetterInfo, PartnerShop, TownLetterConfig, VoucherLetter } from './letter-input.ts';
import { LetterPainter } from './letter-page.ts';
import { clearFontLayoutCaches, createPageReleaser } from './pdfkit-internals.ts';
import { pagesPerLetterFor } from './shop-list.ts';

export interface LetterBatchInput {
  readonly town: TownLetterConfig;
  readonly campaign: CampaignLetterInfo;
  /** The partner shops, in the order the letter lists them. */
  readonly shops: readonly PartnerShop[];
  /** The date printed on the letters. */
  readonly letterDate: CalendarDate;
  /** From splitIntoBatches, with `pagesPerLetter: pagesPerLetterFor(shops)`: the cover sheet prints it. */
  readonly batch: BatchSummary;
  /** The batch's envelopes in mailing order, read once. */
  readonly envelopes: Iterable<Envelope<VoucherLetter>> | AsyncIterable<Envelope<VoucherLetter>>;
}

/**
 * Where the PDF goes: a stream (ended when the PDF is complete, destroyed with the error when rendering
 * fails; backpressure honoured) or a callback (whose bytes the caller discards if the promise rejects).
 */
export type PdfOutput = Writable | ((chunk: Uint8Array) => void);

export interface RenderedBatch {
  readonly pages: number;
  readonly bytes: number;
  readonly envelopes: number;
  readonly letters: number;
}

/** The envelopes given did not match the batch summary: the cover sheet is wrong, discard the PDF. */
export class LetterBatchMismatchError extends Error {
  override readonly name = 'LetterBatchMismatchError';
}

/** Letters drawn between two returns to the event loop, so the PDF flows out while it is made. */
const LETTERS_PER_TURN = 16;
/** Letters between two clearings of the font layout cache (see clearFontLayoutCaches). */
const LETTERS_PER_CACHE = 500;

export async function renderLetterBatch(input: LetterBatchInput, output: PdfOutput): Promise<RenderedBatch> {
  const writable = typeof output === 'function' ? undefined : output;
  // A failing stream is noticed through `writable.errored` between letters; meanwhile its error event
  // must have a listener, or it would crash the process.
  const ignore = () => {};
  writable?.on('error', ignore);
  try {
    const rendered = await renderInto(input, output, writable);
    writable?.off('error', ignore);
    return rendered;
  } catch (error) {
    // A PDF cut short must not pass for a whole one: the stream fails too (an upload is aborted). The
    // listener stays: the promise already reports the error that the stream emits next.
    writable?.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

async function renderInto(
  input: LetterBatchInput,
  output: PdfOutput,
  writable: Writable | undefined,
): Promise<RenderedBatch> {
  const { batch } = input;
  if (pagesPerLetterFor(input.shops) !== batch.pagesPerLetter) {
    throw new LetterBatchMismatchError(
      `The batch was planned with ${batch.pagesPerLetter} page(s) per letter; these shops need ${pagesPerLetterFor(input.shops)}`,
    );
  }
  const doc = createLetterDocument(`${input.campaign.name} – ${batch.number}/${batch.of}`, input.town.letterhead);
  let bytes = 0;
  doc.on('data', (chunk: Uint8Array) => {
    bytes += chunk.length;
    if (writable) writable.write(chunk);
    else if (typeof output === 'function') output(chunk);
  });
  const counts = await drawBatch(doc, input, writable);
  const ended = once(doc, 'end');
  doc.end();
  await ended;
  if (writable) {
    writable.end();
    await finished(writable);
  }
  return { ...counts, bytes };
}

/** Draws the cover sheet and every letter; throws before the PDF is finished if the counts disagree. */
async function drawBatch(
  doc: LetterDocument,
  input: LetterBatchInput,
  writable: Writable | undefined,
): Promise<Omit<RenderedBatch, 'bytes'>> {
  const { batch } = input;
  const mismatch = (envelopes: number, letters: number, pages: number) =>
    new LetterBatchMismatchError(
      `Batch ${batch.number}: the cover says ${batch.envelopes} envelopes, ${batch.letters} letters, ${batch.pages} pages; ` +
        `the envelopes given make ${envelopes}, ${letters}, ${pages}`,
    );
  const context = letterContext(doc, input);
  const releasePages = createPageReleaser(doc);
  const coverPages = drawCoverSheet(context, batch);
  const painter = new LetterPainter(context);
  let envelopes = 0;
  let letters = 0;
  let sinceTurn = 0;
  for await (const envelope of input.envelopes) {
    envelopes += 1;
    if (envelopes > batch.envelopes) throw mismatch(envelopes, letters, coverPages + painter.pages);
    for (const [index, letter] of envelope.letters.entries()) {
      painter.draw(envelope, letter, index);
      releasePages();
      letters += 1;
      sinceTurn += 1;
      if (letters % LETTERS_PER_CACHE === 0) clearFontLayoutCaches(doc);
    }
    if (sinceTurn >= LETTERS_PER_TURN) {
      sinceTurn = 0;
      await nextTurn(writable);
    }
  }
  const pages = coverPages + painter.pages;
  if (envelopes !== batch.envelopes || letters !== batch.letters || pages !== batch.pages) {
    throw mismatch(envelopes, letters, pages);
  }
  return { pages, envelopes, letters };
}

/** Lets the written pages reach the output, and waits while the output is full (rejects if it failed). */
async function nextTurn(writable: Writable | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (writable?.errored) throw writable.errored;
  if (writable?.writableNeedDrain) await once(writable, 'drain');
}
