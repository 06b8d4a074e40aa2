import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIban } from '../../../shared/iban/iban.ts';
import { formatEuros } from '../../../shared/money/money.ts';
import { FRENCH_SETTLEMENT_TEXTS as texts } from '../../../shared/settlement/i18n/fr.ts';
import { renderSettlementSummary } from '../../../shared/settlement/summary-pdf.ts';
import { summaryInput } from './settlement-fixtures.ts';

const directory = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes the PDF and reads it back with poppler: its text (layout kept) and its page count. */
function readPdf(name: string, bytes: Uint8Array): { text: string; pages: number } {
  const file = join(directory, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
}

/** pdftotext keeps the no-break spaces of formatEuros; compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('settlement summary PDF', () => {
  it('shows the run, deadline, totals and every transfer of a small run on one page', async () => {
    const input = summaryInput(3);
    const bytes = await renderSettlementSummary(input, texts);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text, pages } = readPdf('small', bytes);
    const flat = plain(text);

    expect(pages).toBe(1);
    expect(flat).toContain('Remboursement des commerces – Ville de Namur');
    expect(flat).toContain('Lot RUN-2026-11-26');
    expect(flat).toContain('À payer au plus tard le 30/11/2026');
    expect(flat).toContain('26/11/2026 à 00:00'); // the cut-off, in Brussels time
    expect(flat).toContain('26/11/2026 à 06:00'); // created at
    expect(flat).toContain(plain(formatEuros(input.totals.amountCents)));
    expect(input.totals.purchases).toBe(6);
    expect(flat).toMatch(/Commerces à payer\s+Achats\s+Montant total/);
    expect(flat).toMatch(new RegExp(`3\\s+6\\s+${plain(formatEuros(input.totals.amountCents))}`));

    for (const settlement of input.settlements) {
      expect(flat).toContain(settlement.merchantName);
      expect(flat).toContain(formatIban(settlement.creditor.iban));
      expect(flat).toContain(settlement.remittanceReference);
      expect(flat).toContain(plain(formatEuros(settlement.amountCents)));
    }
    expect(flat).toContain('Boulangerie Dupré');
    expect(flat).toContain('Bäckerei Müller');
    expect(flat).toContain('Łódź Deli');

    expect(flat).toContain('Commerces en attente');
    expect(flat).toContain('Épicerie Ørsted');
    expect(flat).toContain(plain(formatEuros(5_500))); // total waiting
    expect(flat).toContain('Page 1/1');
  });

  it('flows 300 transfers onto further pages, header and footer on each', async () => {
    const input = summaryInput(300);
    const { text, pages } = readPdf('large', await renderSettlementSummary(input, texts));
    const flat = plain(text);
    const pageTexts = flat.split('\f').filter((page) => page.trim() !== '');

    expect(pages).toBeGreaterThan(1);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1}/${pages}`);
    });
    // The table header is repeated on the pages the transfers continue on.
    expect(pageTexts[1]).toContain('Virements (suite)');
    expect(pageTexts[1]).toMatch(/Commerce\s+IBAN\s+Communication\s+Achats\s+Montant/);
    // Every transfer is there exactly once.
    for (const settlement of input.settlements) {
      expect(flat.split(settlement.remittanceReference)).toHaveLength(2);
    }
    expect(flat).toContain(plain(formatEuros(input.totals.amountCents)));
    expect(flat).toContain('Épicerie Ørsted');
  });

  it('says so when nobody waits and nothing is paid', async () => {
    const input = summaryInput(0, { waiting: [] });
    const { text } = readPdf('empty', await renderSettlementSummary(input, texts));
    expect(text).toContain('Aucun virement dans ce lot.');
    expect(text).toContain('Aucun commerce en attente.');
  });

  it('renders the same bytes for the same run', async () => {
    const input = summaryInput(5);
    const first = await renderSettlementSummary(input, texts);
    const second = await renderSettlementSummary(input, texts);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });
});
