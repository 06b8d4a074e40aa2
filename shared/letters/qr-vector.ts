/**
 * A voucher's QR code as vector rectangles: each horizontal run of dark modules is one rectangle, grown
 * downwards while the rows below have the very same run (finder patterns, vertical bars): about a third
 * of the rectangles of one per module, so smaller and faster to write, compress and print. Inside a white
 * quiet zone of four modules. Error correction M: a creased or smudged letter still scans.
 */
import QRCode from 'qrcode';
import { withBestMask } from './qr-mask.ts';

export const QUIET_ZONE_MODULES = 4;

/** [row, column, width, height] in modules. */
export type ModuleRect = readonly [number, number, number, number];

export interface QrRuns {
  /** Modules per side, quiet zone excluded. */
  readonly size: number;
  /** Rectangles covering the dark modules exactly, none overlapping, in no particular order. */
  readonly rects: readonly ModuleRect[];
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
  const rects: ModuleRect[] = [];
  // Rectangles still growing, left to right: [row, column, width, height]. Each row's runs are matched
  // against them in column order; a rectangle whose run the row lacks is finished.
  let open: [number, number, number, number][] = [];
  for (let row = 0; row <= size; row += 1) {
    const next: [number, number, number, number][] = [];
    let previous = 0;
    let column = 0;
    while (row < size && column < size) {
      if (!data[row * size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column]) column += 1;
      const width = column - start;
      // Rectangles left of this run cannot continue any more.
      for (let above = open[previous]; above && above[1] < start; above = open[++previous]) rects.push(above);
      const above = open[previous];
      if (above && above[1] === start && above[2] === width) {
        above[3] += 1;
        next.push(above);
        previous += 1;
      } else {
        next.push([row, start, width, 1]);
      }
    }
    for (; previous < open.length; previous += 1) rects.push(open[previous] as [number, number, number, number]);
    open = next;
  }
  return { size, rects };
}

/** Two decimals are a hundredth of a point: far below a printer's dot. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * PDF content that fills the rectangles in black, the symbol's modules (quiet zone excluded) spanning
 * `width` points from (x, y) in the page's top-left coordinates. The coordinates are scaled to modules
 * first, so each rectangle is four small integers (`12 3 4 1 re`): a third of the bytes of page
 * coordinates, and every edge falls exactly on the module grid. One string: a single write into the page.
 */
export function qrContent(qr: QrRuns, x: number, y: number, width: number): string {
  const module = n(width / qr.size);
  let content = `q 0 g ${module} 0 0 ${module} ${n(x)} ${n(y)} cm\n`;
  for (const [row, column, length, height] of qr.rects) content += `${column} ${row} ${length} ${height} re\n`;
  return `${content}f Q`;
}
