import { describe, expect, it } from 'vitest';
import { splitIntoBatches } from '../../../shared/letters/batches.ts';
import { groupIntoEnvelopes } from '../../../shared/letters/envelopes.ts';
import { printManifestCsv } from '../../../shared/letters/print-manifest-csv.ts';
import { formatCode } from '../../../shared/vouchers/voucher-code.ts';
import { address, letter } from './letter-fixtures.ts';

describe('print manifest CSV', () => {
  const members = [
    letter('Léa', 'Dupont', 'parentsOf', 'H1', address('Rue de la Gare', '10')),
    letter('Tom', 'Dupont', 'parentsOf', 'H1', address('Rue de la Gare', '10')),
    letter('Łukasz', 'Wójcik', 'beneficiary', 'H2', {
      ...address('Rue Haute', '3', '7301'),
      locality: 'Hornu, "centre"',
    }),
  ];
  const envelopes = groupIntoEnvelopes(members);

  it('has one row per envelope with its pages, sheets, postcode and locality (RFC 4180, CRLF)', () => {
    const [batch] = splitIntoBatches(envelopes, { pagesPerLetter: 2 });
    if (!batch) throw new Error('no batch');
    const csv = printManifestCsv(batch.envelopes, batch.summary);
    expect(csv).toBe(
      'batch,envelope,first_page,last_page,pages,sheets,postcode,locality\r\n' +
        '1,1,3,6,4,2,7300,Boussu\r\n' +
        '1,2,7,8,2,1,7301,"Hornu, ""centre"""\r\n',
    );
  });

  it('neutralises a locality a spreadsheet would run as a formula, a leading tab or carriage return included', () => {
    const risky = ['=HYPERLINK("http://x")', '\t=1+1', '\r=1+1', '+32', '@SUM(A1)'];
    const members = risky.map((locality, index) =>
      letter('Ana', `Nom${index}`, 'beneficiary', `R${index}`, { ...address('Rue Haute', String(index)), locality }),
    );
    const [batch] = splitIntoBatches(groupIntoEnvelopes(members), { pagesPerLetter: 1 });
    if (!batch) throw new Error('no batch');
    const csv = printManifestCsv(batch.envelopes, batch.summary);
    for (const locality of risky) {
      const quoted = `"'${locality.replaceAll('"', '""')}"`;
      expect(csv.includes(`,'${locality}\r\n`) || csv.includes(`,${quoted}\r\n`), JSON.stringify(locality)).toBe(true);
    }
  });

  it('holds no code, no name and no voucher reference', () => {
    const [batch] = splitIntoBatches(envelopes, { pagesPerLetter: 1 });
    if (!batch) throw new Error('no batch');
    const csv = printManifestCsv(batch.envelopes, batch.summary);
    for (const member of members) {
      expect(csv).not.toContain(member.code);
      expect(csv).not.toContain(formatCode(member.code));
      expect(csv).not.toContain(member.firstName);
      expect(csv).not.toContain(member.lastName);
      expect(csv).not.toContain(member.voucherId.slice(-8));
    }
  });
});
