/**
 * Splits the envelopes of a mailing into print batches: one PDF each, at most N envelopes, never an
 * envelope cut in two, batches of even size (1 001 envelopes by 500 give 334 + 334 + 333, not 500 + 500 + 1).
 * Each batch opens with a cover sheet that is not mailed; its counts are computed here, before rendering.
 */
import type { Envelope } from './envelopes.ts';

export const DEFAULT_MAX_ENVELOPES_PER_BATCH = 500;

/** 1: the letter is one side of one sheet; 2: front and back of one sheet (the shop list on the back). */
export type PagesPerLetter = 1 | 2;

export interface BatchSummary {
  /** 1-based. */
  readonly number: number;
  readonly of: number;
  readonly postcodeFrom: string;
  readonly postcodeTo: string;
  readonly firstEnvelope: number;
  readonly lastEnvelope: number;
  readonly envelopes: number;
  readonly letters: number;
  readonly pagesPerLetter: PagesPerLetter;
  /** The cover sheet: one page, plus a blank back when the batch is printed duplex. */
  readonly coverPages: number;
  /** Every page of the PDF, cover included. */
  readonly pages: number;
  /** Every sheet of paper, cover included: one per letter. */
  readonly sheets: number;
}

export interface PrintBatch<E extends Envelope = Envelope> {
  readonly summary: BatchSummary;
  readonly envelopes: readonly E[];
}

export interface BatchOptions {
  readonly pagesPerLetter: PagesPerLetter;
  readonly maxEnvelopes?: number;
}

export function splitIntoBatches<E extends Envelope>(envelopes: readonly E[], options: BatchOptions): PrintBatch<E>[] {
  const maxEnvelopes = options.maxEnvelopes ?? DEFAULT_MAX_ENVELOPES_PER_BATCH;
  if (!Number.isInteger(maxEnvelopes) || maxEnvelopes < 1) throw new RangeError('maxEnvelopes must be >= 1');
  const count = Math.ceil(envelopes.length / maxEnvelopes);
  const batches: PrintBatch<E>[] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    // The first (length mod count) batches take one envelope more: sizes differ by one at most.
    const size = Math.floor(envelopes.length / count) + (index < envelopes.length % count ? 1 : 0);
    const slice = envelopes.slice(start, start + size);
    start += size;
    batches.push({ summary: summarise(slice, index + 1, count, options.pagesPerLetter), envelopes: slice });
  }
  return batches;
}

/** The summary of a batch's envelopes; reads them once, holding none (an iterable of any length will do). */
export function summarise(
  envelopes: Iterable<Envelope>,
  number: number,
  of: number,
  pagesPerLetter: PagesPerLetter,
): BatchSummary {
  let first: Envelope | undefined;
  let last: Envelope | undefined;
  let count = 0;
  let letters = 0;
  let postcodeFrom = '';
  let postcodeTo = '';
  for (const envelope of envelopes) {
    const { postcode } = envelope.address;
    if (!first || postcode < postcodeFrom) postcodeFrom = postcode;
    if (!first || postcode > postcodeTo) postcodeTo = postcode;
    first ??= envelope;
    last = envelope;
    count += 1;
    letters += envelope.letters.length;
  }
  if (!first || !last) throw new RangeError('A batch holds at least one envelope');
  const coverPages = pagesPerLetter;
  return {
    number,
    of,
    postcodeFrom,
    postcodeTo,
    firstEnvelope: first.number,
    lastEnvelope: last.number,
    envelopes: count,
    letters,
    pagesPerLetter,
    coverPages,
    pages: coverPages + letters * pagesPerLetter,
    sheets: 1 + letters,
  };
}

/** The PDF pages (1-based, inclusive) of each envelope of a batch, in order: what a folder-inserter reads. */
export function* envelopePages(
  envelopes: Iterable<Envelope>,
  summary: Pick<BatchSummary, 'coverPages' | 'pagesPerLetter'>,
): Generator<{ readonly envelope: Envelope; readonly firstPage: number; readonly lastPage: number }> {
  let next = summary.coverPages + 1;
  for (const envelope of envelopes) {
    const pages = envelope.letters.length * summary.pagesPerLetter;
    yield { envelope, firstPage: next, lastPage: next + pages - 1 };
    next += pages;
  }
}
