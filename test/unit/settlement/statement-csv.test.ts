import { describe, expect, it } from 'vitest';
import { FRENCH_SETTLEMENT_TEXTS as texts } from '../../../shared/settlement/i18n/fr.ts';
import type { StatementLine } from '../../../shared/settlement/settlement.ts';
import { statementCsv, statementHeader, statementLine } from '../../../shared/settlement/statement-csv.ts';

function line(overrides: Partial<StatementLine> = {}): StatementLine {
  return {
    settlementId: 'STL01JBZ0000000000000',
    merchantId: 'MER01JBZ7Q4M2K8',
    merchantName: 'Boulangerie Dupré',
    redemptionId: 'RED01JBZ00007KQ4M2',
    createdAt: '2026-11-26T17:04:05.000Z',
    amountCents: 1250,
    voucherReference: 'V-9XK2QF',
    ...overrides,
  };
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe('settlement statement CSV', () => {
  it('starts with a BOM and the French column headers', () => {
    expect(statementHeader(texts)).toBe(
      "\uFEFFCommerce;Identifiant du commerce;Date;Heure;Montant (EUR);Référence du chèque;Référence de l'achat;Référence du remboursement\r\n",
    );
  });

  it('writes one purchase with a decimal comma, a French date and the Brussels time', () => {
    expect(statementLine(line(), texts)).toBe(
      'Boulangerie Dupré;MER01JBZ7Q4M2K8;26/11/2026;18:04;12,50;V-9XK2QF;R-7KQ4M2;STL01JBZ0000000000000\r\n',
    );
  });

  it.each([
    [1, '0,01'],
    [5, '0,05'],
    [100, '1,00'],
    [123_456_789, '1234567,89'],
  ])('writes %i cents as %s (no grouping, no currency sign)', (amountCents, expected) => {
    expect(statementLine(line({ amountCents }), texts).split(';')[4]).toBe(expected);
  });

  it('uses the Brussels calendar day and clock, summer and winter', () => {
    // 23:30 UTC in November is 00:30 the next day in Brussels (UTC+1).
    const winter = statementLine(line({ createdAt: '2026-11-26T23:30:00Z' }), texts).split(';');
    expect(winter.slice(2, 4)).toEqual(['27/11/2026', '00:30']);
    // In July Brussels is UTC+2.
    const summer = statementLine(line({ createdAt: '2026-07-14T09:15:00Z' }), texts).split(';');
    expect(summer.slice(2, 4)).toEqual(['14/07/2026', '11:15']);
  });

  it('quotes and neutralises shop names', () => {
    const csv = statementLine(line({ merchantName: '=Boucherie; "Chez Léon"' }), texts);
    expect(csv.startsWith('"\'=Boucherie; ""Chez Léon"""')).toBe(true);
  });

  it('streams: a chunk is produced before the next line is read', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<StatementLine> {
      for (let index = 0; index < 10; index += 1) {
        pulled += 1;
        yield line({ amountCents: index + 1 });
      }
    }
    const chunks = statementCsv(source(), texts);
    await chunks.next();
    expect(pulled).toBe(0);
    await chunks.next();
    expect(pulled).toBe(1);
  });

  it('writes 100 000 lines whose amounts add up to the total', async () => {
    async function* source(): AsyncGenerator<StatementLine> {
      for (let index = 0; index < 100_000; index += 1) yield line({ amountCents: (index % 10_000) + 1 });
    }
    let lines = 0;
    let totalCents = 0;
    let largestChunk = 0;
    for await (const chunk of statementCsv(source(), texts)) {
      largestChunk = Math.max(largestChunk, chunk.length);
      lines += 1;
      if (lines === 1) continue;
      totalCents += Number((chunk.split(';')[4] ?? '').replace(',', ''));
    }
    expect(lines).toBe(100_001);
    // 10 times the sum of 1..10 000 cents.
    expect(totalCents).toBe(10 * ((10_000 * 10_001) / 2));
    expect(largestChunk).toBeLessThan(300);
  });

  it('accepts a plain array too', async () => {
    const chunks = await collect(statementCsv([line(), line()], texts));
    expect(chunks).toHaveLength(3);
    expect(chunks.join('').split('\r\n')).toHaveLength(4);
  });
});
