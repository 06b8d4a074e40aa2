import { describe, expect, it } from 'vitest';
import { envelopePages, splitIntoBatches, summarise } from '../../../shared/letters/batches.ts';
import { type Envelope, groupIntoEnvelopes } from '../../../shared/letters/envelopes.ts';
import { address, letter } from './letter-fixtures.ts';

/** `count` envelopes with postcodes rising every ten, every fourth holding two letters. */
function envelopes(count: number): Envelope[] {
  const members = [];
  for (let index = 0; index < count; index += 1) {
    const where = address('Rue de la Gare', String(index + 1), String(7000 + Math.floor(index / 10)));
    members.push(letter(`A${index}`, 'X', 'parentsOf', `H${index}`, where));
    if (index % 4 === 0) members.push(letter(`B${index}`, 'X', 'parentsOf', `H${index}`, where));
  }
  return groupIntoEnvelopes(members);
}

describe('print batches', () => {
  it('splits into batches of at most N envelopes, of even sizes, never cutting an envelope', () => {
    const all = envelopes(1001);
    const batches = splitIntoBatches(all, { pagesPerLetter: 1, maxEnvelopes: 500 });
    expect(batches.map((b) => b.envelopes.length)).toEqual([334, 334, 333]);
    expect(batches.flatMap((b) => b.envelopes)).toEqual(all);
    expect(batches.map((b) => [b.summary.number, b.summary.of])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(batches.reduce((sum, b) => sum + b.summary.letters, 0)).toBe(1001 + 251);
    expect(splitIntoBatches(envelopes(500), { pagesPerLetter: 1 })).toHaveLength(1);
    expect(splitIntoBatches(envelopes(501), { pagesPerLetter: 1 })).toHaveLength(2);
    expect(splitIntoBatches([], { pagesPerLetter: 1 })).toEqual([]);
  });

  it('counts postcodes, envelopes, letters, pages and sheets, the cover sheet included', () => {
    const [batch] = splitIntoBatches(envelopes(25), { pagesPerLetter: 1 });
    expect(batch?.summary).toEqual({
      number: 1,
      of: 1,
      postcodeFrom: '7000',
      postcodeTo: '7002',
      firstEnvelope: 1,
      lastEnvelope: 25,
      envelopes: 25,
      letters: 32,
      pagesPerLetter: 1,
      coverPages: 1,
      pages: 33,
      sheets: 33,
    });
    // Duplex (shop list on the back): two pages per letter, and the cover gets a blank back.
    const duplex = summarise(envelopes(25), 1, 1, 2);
    expect([duplex.coverPages, duplex.pages, duplex.sheets]).toEqual([2, 66, 33]);
  });

  it('knows the PDF pages of each envelope', () => {
    const all = envelopes(3);
    const pages = [...envelopePages(all, { coverPages: 2, pagesPerLetter: 2 })].map((p) => [p.firstPage, p.lastPage]);
    expect(pages).toEqual([
      [3, 6],
      [7, 8],
      [9, 10],
    ]);
  });
});
