import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrContent, qrRuns, voucherQrRuns } from '../../../shared/letters/qr-vector.ts';
import { formatCode, qrPayload } from '../../../shared/vouchers/voucher-code.ts';
import { codeFor } from './letter-fixtures.ts';

/** The dark modules the runs cover, as "row,column" strings. */
function covered(runs: readonly (readonly [number, number, number])[]): Set<string> {
  const cells = new Set<string>();
  for (const [row, column, length] of runs) for (let c = column; c < column + length; c += 1) cells.add(`${row},${c}`);
  return cells;
}

describe('QR code as vector runs', () => {
  it('covers exactly the dark modules, one run per horizontal stretch', () => {
    const text = 'https://bons.boussu.example/bon/#7KQ4-M2XD-9PFA-3HCW-R';
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const qr = qrRuns(text);
    const dark = new Set<string>();
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1)
        if (modules.get(row, column)) dark.add(`${row},${column}`);
    }
    expect(qr.size).toBe(modules.size);
    expect(covered(qr.runs)).toEqual(dark);
    // Runs never touch: two runs on a row are separated by at least one light module.
    for (let index = 1; index < qr.runs.length; index += 1) {
      const [row, column] = qr.runs[index] ?? [0, 0];
      const [previousRow, previousColumn, previousLength] = qr.runs[index - 1] ?? [0, 0, 0];
      if (row === previousRow) expect(column).toBeGreaterThan(previousColumn + previousLength);
    }
    expect(qr.runs.length).toBeLessThan(dark.size * 0.6);
  });

  it('encodes a voucher URL with error correction M, the code in alphanumeric mode, in no larger a symbol', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const code = codeFor(seed);
      const payload = qrPayload('https://bons.boussu.example', code);
      const segmented = QRCode.create(
        [
          { data: new TextEncoder().encode(payload.slice(0, -21)), mode: 'byte' },
          { data: formatCode(code), mode: 'alphanumeric' },
        ],
        { errorCorrectionLevel: 'M' },
      );
      expect(segmented.errorCorrectionLevel.bit).toBe(
        QRCode.create('x', { errorCorrectionLevel: 'M' }).errorCorrectionLevel.bit,
      );
      const runs = voucherQrRuns(payload, formatCode(code));
      expect(runs.size).toBe(segmented.modules.size);
      expect(runs.size).toBeLessThanOrEqual(qrRuns(payload).size);
    }
  });

  it('writes the runs in module units, scaled once', () => {
    const content = qrContent(
      {
        size: 21,
        runs: [
          [0, 0, 7],
          [1, 3, 2],
        ],
      },
      100,
      200,
      42,
    );
    expect(content).toBe('q 0 g 2 0 0 2 100 200 cm\n0 0 7 1 re\n3 1 2 1 re\nf Q');
  });
});
