import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { withBestMask } from '../../../shared/letters/qr-mask.ts';
import { type ModuleRect, qrContent, qrRuns, voucherQrRuns } from '../../../shared/letters/qr-vector.ts';
import { formatCode, qrPayload } from '../../../shared/vouchers/voucher-code.ts';
import { codeFor } from './letter-fixtures.ts';

/** The modules the rectangles cover, as "row,column" strings; throws if two rectangles overlap. */
function covered(rects: readonly ModuleRect[]): Set<string> {
  const cells = new Set<string>();
  for (const [row, column, width, height] of rects) {
    for (let r = row; r < row + height; r += 1) {
      for (let c = column; c < column + width; c += 1) {
        if (cells.has(`${r},${c}`)) throw new Error(`overlap at ${r},${c}`);
        cells.add(`${r},${c}`);
      }
    }
  }
  return cells;
}

describe('QR code as vector rectangles', () => {
  it('covers exactly the dark modules with rectangles that do not overlap, a third as many as modules', () => {
    const text = 'https://bons.boussu.example/bon/#7KQ4-M2XD-9PFA-3HCW-R';
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const qr = qrRuns(text);
    const dark = new Set<string>();
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1)
        if (modules.get(row, column)) dark.add(`${row},${column}`);
    }
    expect(qr.size).toBe(modules.size);
    expect(covered(qr.rects)).toEqual(dark);
    // Horizontal runs are whole: a rectangle never has a dark module right before or after it on its rows.
    for (const [row, column, width, height] of qr.rects) {
      for (let r = row; r < row + height; r += 1) {
        expect(column === 0 ? 0 : modules.get(r, column - 1)).toBeFalsy();
        expect(column + width >= modules.size ? 0 : modules.get(r, column + width)).toBeFalsy();
      }
    }
    expect(qr.rects.length).toBeLessThan(dark.size * 0.45);
    // A finder pattern's 3 × 3 centre is one rectangle.
    expect(qr.rects).toContainEqual([2, 2, 3, 3]);
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

  it('picks the mask qrcode picks and gives the very same modules, at a fraction of the cost', () => {
    const segmentsOf = (code: string) => [
      { data: new TextEncoder().encode('https://bons.boussu.example/bon/#'), mode: 'byte' as const },
      { data: formatCode(code), mode: 'alphanumeric' as const },
    ];
    const masks = new Set<number>();
    for (let seed = 0; seed < 300; seed += 1) {
      const code = codeFor(seed);
      const reference = QRCode.create(segmentsOf(code), { errorCorrectionLevel: 'M' });
      const withZero = QRCode.create(segmentsOf(code), { errorCorrectionLevel: 'M', maskPattern: 0 });
      const ours = withBestMask(withZero.modules, withZero.errorCorrectionLevel.bit);
      expect(Buffer.from(ours).equals(Buffer.from(reference.modules.data)), `code ${code}`).toBe(true);
      masks.add(reference.maskPattern ?? -1);
    }
    expect(masks.size).toBeGreaterThanOrEqual(3);
  });

  it('matches qrcode for other texts too: every mask, small and large versions', () => {
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (let seed = 0; seed < 160; seed += 1) {
      const text = `${codeFor(seed)}-${'Zoë Ößmann '.repeat(seed % 17)}${seed}`;
      const level = (['L', 'M', 'Q', 'H'] as const)[seed % 4];
      const reference = QRCode.create(text, { errorCorrectionLevel: level });
      const withZero = QRCode.create(text, { errorCorrectionLevel: level, maskPattern: 0 });
      const ours = withBestMask(withZero.modules, withZero.errorCorrectionLevel.bit);
      expect(Buffer.from(ours).equals(Buffer.from(reference.modules.data)), text).toBe(true);
      masks.add(reference.maskPattern ?? -1);
      versions.add(reference.version);
    }
    expect(masks.size).toBe(8);
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(7); // with version information blocks
  });

  it('writes the rectangles in module units, scaled once', () => {
    const rects: ModuleRect[] = [
      [0, 0, 7, 1],
      [1, 3, 2, 4],
    ];
    const content = qrContent({ size: 21, rects }, 100, 200, 42);
    expect(content).toBe('q 0 g 2 0 0 2 100 200 cm\n0 0 7 1 re\n3 1 2 4 re\nf Q');
  });
});
