/**
 * A voucher's QR code as vector rectangles: one rectangle per horizontal run of dark modules (about half
 * the rectangles of one per module, so smaller and faster to write and to print), inside a white quiet
 * zone of four modules. Error correction M: a creased or smudged letter still scans.
 */
import QRCode from 'qrcode';
import { withBestMask } from './qr-mask.ts';

export const QUIET_ZONE_MODULES = 4;

export interface QrRuns {
  /** Modules per side, quiet zone excluded. */
  readonly size: number;
  /** [row, column, length] of each run of dark modules, row by row. */
  readonly runs: readonly (readonly [number, number, number])[];
}

/**
 * The runs of a voucher's QR payload (qrPayload: the site's URL, then the grouped code). Its two segments
 * are given rather than searched for: the URL as bytes, the code (capitals, digits, dashes) in the denser
 * alphanumeric mode, which can make the symbol a version smaller.
 */
export function voucherQrRuns(payload: string, formattedCode: string): QrRuns {
  if (!payload.endsWith(formattedCode) || !/^[0-9A-Z-]+$/.test(formattedCode)) return qrRuns(payload);
  const url = payload.slice(0, payload.length - formattedCode.length);
  const symbol = QRCode.create(
    [
      { data: new TextEncoder().encode(url), mode: 'byte' },
      { data: formattedCode, mode: 'alphanumeric' },
    ],
    // Built once with mask 0; qr-mask.ts then picks the mask qrcode would, at a tenth of its cost.
    { errorCorrectionLevel: 'M', maskPattern: 0 },
  );
  return runsOf(symbol.modules.size, withBestMask(symbol.modules, symbol.errorCorrectionLevel.bit));
}

export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return runsOf(modules.size, modules.data);
}

function runsOf(size: number, data: Uint8Array): QrRuns {
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!data[row * size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column]) column += 1;
      runs.push([row, start, column - start]);
    }
  }
  return { size, runs };
}

/** Two decimals are a hundredth of a point: far below a printer's dot. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * PDF content that fills the runs in black, the symbol's modules (quiet zone excluded) spanning `width`
 * points from (x, y) in the page's top-left coordinates. The coordinates are scaled to modules first, so
 * each run is a few integers (`12 3 4 1 re`): a third of the bytes of page coordinates, and every run
 * edge falls exactly on the module grid. One string: the whole symbol is a single write into the page.
 */
export function qrContent(qr: QrRuns, x: number, y: number, width: number): string {
  const module = n(width / qr.size);
  let content = `q 0 g ${module} 0 0 ${module} ${n(x)} ${n(y)} cm\n`;
  for (const [row, column, length] of qr.runs) content += `${column} ${row} ${length} 1 re\n`;
  return `${content}f Q`;
}
