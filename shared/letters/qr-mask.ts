/**
 * The QR mask choice of the qrcode package (ISO 18004 §7.8.3: try the eight masks, keep the one with the
 * lowest N1-N4 penalty), ported to work on plain bytes: qrcode's own search goes through a method call
 * per module and takes ten times as long as building the rest of the symbol. The unit test checks that
 * it picks the same mask and gives the same modules as qrcode, bit for bit.
 */

/** A symbol as qrcode builds it with mask pattern 0: modules, and which of them are function patterns. */
export interface MaskedSymbol {
  readonly size: number;
  readonly data: Uint8Array;
  readonly reservedBit: Uint8Array;
}

const PENALTY = { n1: 3, n2: 3, n3: 40, n4: 10 } as const;

function maskAt(pattern: number, i: number, j: number): boolean {
  switch (pattern) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

function bchDigit(value: number): number {
  let digits = 0;
  for (let rest = value; rest !== 0; rest >>>= 1) digits += 1;
  return digits;
}

const G15 = 0b101_0011_0111;
const G15_MASK = 0b101_0100_0001_0010;

/** The 15 format bits: error correction level and mask, BCH(15,5)-protected. */
function formatBits(errorCorrectionBit: number, mask: number): number {
  const data = (errorCorrectionBit << 3) | mask;
  let remainder = data << 10;
  while (bchDigit(remainder) - bchDigit(G15) >= 0) remainder ^= G15 << (bchDigit(remainder) - bchDigit(G15));
  return ((data << 10) | remainder) ^ G15_MASK;
}

/** Writes the format information around the finder patterns (the placement of qrcode's setupFormatInfo). */
function placeFormat(modules: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i += 1) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    modules[row * size + 8] = bit;
    const column = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    modules[8 * size + column] = bit;
  }
  modules[(size - 8) * size + 8] = 1;
}

/** N4 + N2, the cheap parts of the penalty: a candidate already past the best is dropped before the rest. */
function balanceAndBlocks(modules: Uint8Array, size: number): number {
  let dark = 0;
  for (let at = 0; at < modules.length; at += 1) dark += modules[at] as number;
  let points = Math.abs(Math.ceil((dark * 100) / modules.length / 5) - 10) * PENALTY.n4;
  // N2: 2 × 2 blocks of one colour.
  for (let row = 0; row < size - 1; row += 1) {
    for (let at = row * size, end = at + size - 1; at < end; at += 1) {
      const sum =
        (modules[at] as number) +
        (modules[at + 1] as number) +
        (modules[at + size] as number) +
        (modules[at + size + 1] as number);
      if (sum === 4 || sum === 0) points += PENALTY.n2;
    }
  }
  return points;
}

/** N1 (runs of five or more of one colour) and N3 (1:1:3:1:1 finder-like patterns), rows and columns. */
function runsAndFinders(modules: Uint8Array, size: number): number {
  let points = 0;
  for (let a = 0; a < size; a += 1) {
    let rowRun = 0;
    let columnRun = 0;
    let rowLast = -1;
    let columnLast = -1;
    let rowBits = 0;
    let columnBits = 0;
    for (let b = 0; b < size; b += 1) {
      const inRow = modules[a * size + b] as number;
      const inColumn = modules[b * size + a] as number;
      if (inRow === rowLast) rowRun += 1;
      else {
        if (rowRun >= 5) points += PENALTY.n1 + rowRun - 5;
        rowLast = inRow;
        rowRun = 1;
      }
      if (inColumn === columnLast) columnRun += 1;
      else {
        if (columnRun >= 5) points += PENALTY.n1 + columnRun - 5;
        columnLast = inColumn;
        columnRun = 1;
      }
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      columnBits = ((columnBits << 1) & 0x7ff) | inColumn;
      if (b >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) points += PENALTY.n3;
        if (columnBits === 0x5d0 || columnBits === 0x05d) points += PENALTY.n3;
      }
    }
    if (rowRun >= 5) points += PENALTY.n1 + rowRun - 5;
    if (columnRun >= 5) points += PENALTY.n1 + columnRun - 5;
  }
  return points;
}

/** Per symbol layout (size and function patterns), the modules each mask flips: computed once per version. */
const flipsByLayout = new Map<string, Uint8Array[]>();

function maskFlips(size: number, reservedBit: Uint8Array): Uint8Array[] {
  const key = `${size}:${Buffer.from(reservedBit.buffer, reservedBit.byteOffset, reservedBit.byteLength).toString('base64')}`;
  let flips = flipsByLayout.get(key);
  if (!flips) {
    flips = Array.from({ length: 8 }, (_, mask) => {
      const flip = new Uint8Array(size * size);
      for (let row = 0; row < size; row += 1) {
        for (let column = 0; column < size; column += 1) {
          if (!reservedBit[row * size + column] && maskAt(mask, row, column)) flip[row * size + column] = 1;
        }
      }
      return flip;
    });
    flipsByLayout.set(key, flips);
  }
  return flips;
}

/**
 * The modules of the symbol under its best mask, from the same symbol built with mask 0 (whose data
 * modules are unmasked here, then masked with each candidate in turn).
 */
export function withBestMask(symbol: MaskedSymbol, errorCorrectionBit: number): Uint8Array {
  const { size, data, reservedBit } = symbol;
  const flips = maskFlips(size, reservedBit);
  const unmask = flips[0] as Uint8Array;
  const unmasked = new Uint8Array(data.length);
  for (let at = 0; at < data.length; at += 1) unmasked[at] = (data[at] as number) ^ (unmask[at] as number);

  let best = new Uint8Array(data.length);
  let candidate = new Uint8Array(data.length);
  let lowest = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask += 1) {
    const flip = flips[mask] as Uint8Array;
    for (let at = 0; at < data.length; at += 1) candidate[at] = (unmasked[at] as number) ^ (flip[at] as number);
    placeFormat(candidate, size, formatBits(errorCorrectionBit, mask));
    let points = balanceAndBlocks(candidate, size);
    if (points >= lowest) continue;
    points += runsAndFinders(candidate, size);
    // Strictly lower, as qrcode does: on a tie the first mask wins.
    if (points < lowest) {
      lowest = points;
      [best, candidate] = [candidate, best];
    }
  }
  return best;
}
