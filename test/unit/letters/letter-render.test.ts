/**
 * Renders a real batch and reads it back with Poppler and ZBar (poppler-utils, zbar-tools): every QR code
 * decodes to its voucher's payload, the text shows names with their accents, amounts and dates, and
 * nothing personal beyond what the letter needs.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitIntoBatches } from '../../../shared/letters/batches.ts';
import { groupIntoEnvelopes } from '../../../shared/letters/envelopes.ts';
import { LETTER_LANGUAGES } from '../../../shared/letters/i18n/texts.ts';
import type { PartnerShop, VoucherLetter } from '../../../shared/letters/letter-input.ts';
import { LetterBatchMismatchError, renderLetterBatch } from '../../../shared/letters/render-letter-batch.ts';
import { pagesPerLetterFor } from '../../../shared/letters/shop-list.ts';
import { formatCode, qrPayload } from '../../../shared/vouchers/voucher-code.ts';
import { address, campaign, LETTER_DATE, letter, SHOPS, syntheticPng, TOWN } from './letter-fixtures.ts';

const run = promisify(execFile);

async function tool(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    // zbarimg exits with 4 when a page has no barcode: that is an answer, not a failure.
    if ((error as { code?: number }).code === 4) return '';
    throw error;
  }
}

/** Two households of two minors (one with two family names) and one adult: 3 envelopes, 5 letters. */
function awkwardLetters(): VoucherLetter[] {
  const lefevre = address('Rue de la Gare', '10A');
  const blended = address('Chaussée de Valenciennes', '2', '7301', '3');
  return [
    letter('Zoë', 'Van den Bergh-Ößmann', 'parentsOf', 'H2', blended),
    letter('Łukasz', 'Wójcik', 'beneficiary', 'H3', address('Rue Émile Cuvelier', '125', '7080')),
    letter('Anaïs', 'Lefèvre', 'parentsOf', 'H1', lefevre),
    letter('Ñuño', 'Çelik', 'parentsOf', 'H2', blended),
    letter('Tom', 'Lefèvre', 'parentsOf', 'H1', lefevre),
  ];
}

function plan(members: VoucherLetter[], shops: readonly PartnerShop[]) {
  const [batch] = splitIntoBatches(groupIntoEnvelopes(members), { pagesPerLetter: pagesPerLetterFor(shops) });
  if (!batch) throw new Error('no batch');
  return batch;
}

describe('a rendered batch, read back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'letters-'));
  const pdf = join(dir, 'batch.pdf');
  const members = awkwardLetters();
  const batch = plan(members, SHOPS);
  const logo = syntheticPng();
  let rendered: Awaited<ReturnType<typeof renderLetterBatch>>;
  /** Page number -> text and decoded QR codes. */
  const pages = new Map<number, { text: string; codes: string[] }>();

  beforeAll(async () => {
    rendered = await renderLetterBatch(
      {
        town: { ...TOWN, logo: { kind: 'image', data: logo } },
        campaign: campaign('fr'),
        shops: SHOPS,
        letterDate: LETTER_DATE,
        batch: batch.summary,
        envelopes: batch.envelopes,
      },
      createWriteStream(pdf),
    );
    await tool('pdftoppm', ['-r', '150', '-png', pdf, join(dir, 'page')]);
    for (let page = 1; page <= batch.summary.pages; page += 1) {
      const png = join(dir, `page-${String(page).padStart(2, '0')}.png`);
      const codes = (await tool('zbarimg', ['--raw', '-q', png])).split('\n').filter(Boolean);
      const text = await tool('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']);
      // Any run of spaces, line ends and non-breaking spaces reads as one space: a wrapped line still matches.
      pages.set(page, { text: text.replace(/[\s\u00a0\u202f]+/g, ' '), codes });
    }
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The letters in print order, with the page of their front. */
  function fronts() {
    const { coverPages, pagesPerLetter } = batch.summary;
    return batch.envelopes
      .flatMap((envelope) => envelope.letters.map((member, index) => ({ envelope, member, index })))
      .map((entry, order) => ({ ...entry, page: coverPages + 1 + order * pagesPerLetter }));
  }

  it('has the pages its cover sheet announces: cover and blank back, then front and back of each letter', () => {
    expect(batch.summary).toMatchObject({ envelopes: 3, letters: 5, pagesPerLetter: 2, coverPages: 2, pages: 12 });
    expect(rendered).toEqual({ pages: 12, bytes: readFileSync(pdf).length, envelopes: 3, letters: 5 });
    expect(pages.get(1)?.text).toContain('Lot d’impression 1 sur 1');
    expect(pages.get(1)?.text).toContain('7080 – 7301');
    expect(pages.get(1)?.text).toContain('codes de bons utilisables comme de l’argent');
    expect(pages.get(2)?.text).toContain('Page laissée blanche intentionnellement');
  });

  it('decodes, on each letter, one QR code: exactly the public URL of its own voucher', () => {
    const expected = fronts().map(({ member, page }) => [page, [qrPayload(TOWN.publicSiteUrl, member.code)]]);
    const found = [...pages].filter(([, page]) => page.codes.length > 0).map(([number, page]) => [number, page.codes]);
    expect(found).toEqual(expected);
  });

  it('prints names with their accents, the amount, the dates, the grouped code and the reference', () => {
    for (const { member, page } of fronts()) {
      const text = pages.get(page)?.text ?? '';
      expect(text).toContain(`Pour ${member.firstName} ${member.lastName}`);
      expect(text).toContain(member.firstName);
      expect(text).toContain('100,00 €');
      expect(text).toContain('Boussu, le 15/01/2027');
      expect(text).toContain('Valable jusqu’au 31/03/2027');
      expect(text).toContain(formatCode(member.code));
      expect(text).toContain(member.voucherId.slice(-8).toUpperCase());
    }
  });

  it('addresses the first letter of each envelope through the window, the others say they share it', () => {
    // Mailing order: 7080 Frameries, then 7300 Boussu, then 7301 Hornu.
    const [wojcik, lefevre, celik] = fronts().filter(({ index }) => index === 0);
    expect(wojcik?.envelope.address.postcode).toBe('7080');
    expect(pages.get(lefevre?.page ?? 0)?.text).toContain('Aux parents d’Anaïs et Tom Lefèvre');
    expect(pages.get(celik?.page ?? 0)?.text).toContain('Aux parents de Ñuño Çelik et Zoë Van den Bergh-Ößmann');
    expect(pages.get(celik?.page ?? 0)?.text).toContain('Chaussée de Valenciennes 2 bte 3');
    expect(pages.get(wojcik?.page ?? 0)?.text).toMatch(
      /Łukasz Wójcik\s[\s\S]*Rue Émile Cuvelier 125\s[\s\S]*7080 Frameries/,
    );
    for (const { page, index } of fronts()) {
      expect(pages.get(page)?.text.includes('(même enveloppe)')).toBe(index > 0);
    }
  });

  it('prints the shop list on the back of every letter', () => {
    for (const { page } of fronts()) {
      const back = pages.get(page + 1)?.text ?? '';
      expect(back).toContain('Nos commerces partenaires');
      expect(back).toContain('Boulangerie Au Bon Grain');
      expect(back).toContain('Animalerie Patte Douce');
    }
  });

  it('holds no birth date and no national number: its only dates are the letter’s and the end date', () => {
    const all = [...pages.values()].map((page) => page.text).join('\n');
    expect(new Set(all.match(/\d{2}\/\d{2}\/\d{4}/g))).toEqual(new Set(['15/01/2027', '31/03/2027']));
    expect(all).not.toMatch(/\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}/);
  });

  it('embeds its fonts as subsets, and the logo image once', async () => {
    const fonts = (await tool('pdffonts', [pdf])).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(font).toMatch(/yes\s+yes\s+yes/); // embedded, subset, with a Unicode map
    }
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes.match(/\/Subtype \/Image/g)).toHaveLength(1);
  });
});

describe('rendering', () => {
  const counting = () => {
    let bytes = 0;
    return { sink: (chunk: Uint8Array) => (bytes += chunk.length), bytes: () => bytes };
  };

  it.each(LETTER_LANGUAGES.flatMap((language) => [0, 3, 30, 250].map((shops) => [language, shops] as const)))(
    'lays out every part of the letter without overlap in %s with %i shops',
    async (language, shopCount) => {
      const shops = Array.from({ length: shopCount }, (_, index) => SHOPS[index % SHOPS.length] as PartnerShop);
      const batch = plan(awkwardLetters(), shops);
      const out = counting();
      const result = await renderLetterBatch(
        {
          town: TOWN,
          campaign: campaign(language),
          shops,
          letterDate: LETTER_DATE,
          batch: batch.summary,
          envelopes: batch.envelopes,
        },
        out.sink,
      );
      expect(result.pages).toBe(shopCount > 3 ? 12 : 6);
      expect(result.bytes).toBe(out.bytes());
    },
  );

  it('refuses envelopes that do not match the batch the cover sheet describes', async () => {
    const batch = plan(awkwardLetters(), SHOPS);
    const input = { town: TOWN, campaign: campaign(), letterDate: LETTER_DATE, batch: batch.summary };
    await expect(
      renderLetterBatch({ ...input, shops: SHOPS, envelopes: batch.envelopes.slice(1) }, () => {}),
    ).rejects.toThrow(LetterBatchMismatchError);
    await expect(renderLetterBatch({ ...input, shops: [], envelopes: batch.envelopes }, () => {})).rejects.toThrow(
      /2 page\(s\) per letter/,
    );
  });

  it('fails the output stream rather than finish a PDF whose cover sheet is wrong', async () => {
    const batch = plan(awkwardLetters(), SHOPS);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const input = { town: TOWN, campaign: campaign(), shops: SHOPS, letterDate: LETTER_DATE };
    const tooMany = { ...batch.summary, envelopes: 2, letters: 3, pages: 8 };
    await expect(renderLetterBatch({ ...input, batch: tooMany, envelopes: batch.envelopes }, sink)).rejects.toThrow(
      LetterBatchMismatchError,
    );
    expect(sink.destroyed).toBe(true);
    expect(sink.writableFinished).toBe(false);
    expect(Buffer.concat(chunks).toString('latin1')).not.toContain('%%EOF');
  });

  it('stops when the output stream fails', async () => {
    const members = Array.from({ length: 80 }, (_, index) =>
      letter(`Léa${index}`, 'Dupont', 'beneficiary', `H${index}`, address('Rue de la Gare', String(index + 1))),
    );
    const batch = plan(members, SHOPS);
    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > 50_000 ? new Error('disk full') : undefined);
      },
    });
    await expect(
      renderLetterBatch(
        {
          town: TOWN,
          campaign: campaign(),
          shops: SHOPS,
          letterDate: LETTER_DATE,
          batch: batch.summary,
          envelopes: batch.envelopes,
        },
        failing,
      ),
    ).rejects.toThrow('disk full');
  });

  it('streams into a slow writable, waiting when it is full, and ends it', async () => {
    const members = Array.from({ length: 60 }, (_, index) =>
      letter(`Léa${index}`, 'Dupont', 'beneficiary', `H${index}`, address('Rue de la Gare', String(index + 1))),
    );
    const batch = plan(members, SHOPS);
    const chunks: Buffer[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    slow.on('drain', () => {
      waits += 1;
    });
    async function* envelopes() {
      yield* batch.envelopes; // an async source, as the pipeline's will be
    }
    const result = await renderLetterBatch(
      {
        town: TOWN,
        campaign: campaign(),
        shops: SHOPS,
        letterDate: LETTER_DATE,
        batch: batch.summary,
        envelopes: envelopes(),
      },
      slow,
    );
    const pdf = Buffer.concat(chunks);
    expect(slow.writableFinished).toBe(true);
    expect(waits).toBeGreaterThan(0);
    expect(pdf.length).toBe(result.bytes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(result.pages).toBe(2 + 60 * 2);
  });
});
