import { describe, expect, it } from 'vitest';
import {
  ADDRESS_LINE_HEIGHT,
  fitAddress,
  RECIPIENT_AREA,
  returnAddressLine,
  windowLines,
} from '../../../shared/letters/address-block.ts';
import {
  ADDRESS_BLOCK,
  alwaysVisibleArea,
  type Box,
  contains,
  FOLD_LINES,
  overlaps,
  PACKET_PLAY,
  windowOnPage,
  windowReach,
} from '../../../shared/letters/envelope-geometry.ts';
import { groupIntoEnvelopes } from '../../../shared/letters/envelopes.ts';
import { DETAILS, HEADLINE_Y, LETTERHEAD, LOGO, QR_BOX, SENDER } from '../../../shared/letters/front-layout.ts';
import { letterTexts } from '../../../shared/letters/i18n/catalogue.ts';
import { LETTER_LANGUAGES } from '../../../shared/letters/i18n/texts.ts';
import { createLetterDocument } from '../../../shared/letters/letter-document.ts';
import { FONT, SIZE } from '../../../shared/letters/letter-style.ts';
import { QUIET_ZONE_MODULES, voucherQrRuns } from '../../../shared/letters/qr-vector.ts';
import { FRONT_SHOPS } from '../../../shared/letters/shop-list.ts';
import { formatCode, qrPayload } from '../../../shared/vouchers/voucher-code.ts';
import { address, codeFor, letter, TOWN } from './letter-fixtures.ts';

const doc = createLetterDocument('geometry', 'test');
const measure = (text: string, size: number) => doc.font(FONT.regular).fontSize(size).widthOfString(text);
const MM_PER_PT = 25.4 / 72;

/** Every position the folded A4 can take in the DL envelope, by half millimetres. */
function packetPositions(): [number, number][] {
  const positions: [number, number][] = [];
  for (let x = 0; x <= PACKET_PLAY.horizontal; x += 0.5) {
    for (let y = 0; y <= PACKET_PLAY.vertical; y += 0.5) positions.push([x, y]);
  }
  return positions;
}

describe('window envelope geometry (DL, window left 20 mm, bottom 15 mm, 45 × 90 mm; A4 Z-folded)', () => {
  it('leaves the folded A4 10 mm of play sideways and 11 mm up and down', () => {
    expect(PACKET_PLAY).toEqual({ horizontal: 10, vertical: 11 });
    expect(FOLD_LINES).toEqual([99, 198]);
    // Packet against the envelope's top-left corner: the window is 20 mm from the page's left, 50 mm down.
    expect(windowOnPage(0, 0)).toEqual({ x: 20, y: 50, width: 90, height: 45 });
    expect(alwaysVisibleArea()).toEqual({ x: 20, y: 50, width: 80, height: 34 });
    expect(ADDRESS_BLOCK).toEqual({ x: 22, y: 52, width: 76, height: 30 });
  });

  it('keeps the address block inside the window whatever the position of the letter in the envelope', () => {
    for (const [x, y] of packetPositions()) expect(contains(windowOnPage(x, y), ADDRESS_BLOCK), `${x},${y}`).toBe(true);
    expect(ADDRESS_BLOCK.y + ADDRESS_BLOCK.height).toBeLessThan(FOLD_LINES[0]);
  });

  it('shows nothing else through the window: letterhead, date, reference, shops and headline stay clear', () => {
    const reach = windowReach();
    expect(reach).toEqual({ x: 10, y: 39, width: 100, height: 56 });
    const others: Record<string, Box> = {
      logo: LOGO,
      letterhead: {
        x: LETTERHEAD.x,
        y: LETTERHEAD.y,
        width: LETTERHEAD.width,
        height: LOGO.y + LOGO.height - LETTERHEAD.y,
      },
      sender: { x: SENDER.x, y: SENDER.y, width: SENDER.width, height: 24 },
      details: { x: DETAILS.x, y: DETAILS.y, width: DETAILS.width, height: 45 },
      frontShops: { x: FRONT_SHOPS.x, y: FRONT_SHOPS.y, width: FRONT_SHOPS.width, height: 28 },
      headline: { x: 20, y: HEADLINE_Y, width: 170, height: 8 },
    };
    for (const [name, box] of Object.entries(others)) expect(overlaps(box, reach), name).toBe(false);
  });

  it('keeps the QR code off the folds, its modules at least 25 mm wide inside a four-module quiet zone', () => {
    expect(QR_BOX.y).toBeGreaterThan(FOLD_LINES[0]);
    expect(QR_BOX.y + QR_BOX.size).toBeLessThan(FOLD_LINES[1]);
    const code = codeFor(1);
    for (const site of ['https://a.be', TOWN.publicSiteUrl, `https://bons.${'tres-longue-commune'.repeat(3)}.be`]) {
      const { size } = voucherQrRuns(qrPayload(site, code), formatCode(code));
      const moduleWidth = QR_BOX.size / (size + 2 * QUIET_ZONE_MODULES);
      expect(moduleWidth * size).toBeGreaterThanOrEqual(25);
      expect(moduleWidth).toBeGreaterThanOrEqual(0.5); // what a phone camera resolves at arm's length
    }
  });

  it('fits the return address on one line inside the block', () => {
    for (const language of LETTER_LANGUAGES) {
      const width = measure(returnAddressLine(TOWN, letterTexts(language)), SIZE.returnAddress) * MM_PER_PT;
      expect(width).toBeLessThanOrEqual(ADDRESS_BLOCK.width);
    }
    expect(contains(ADDRESS_BLOCK, RECIPIENT_AREA)).toBe(true);
  });

  it.each(LETTER_LANGUAGES)('fits awkward recipients in the window at 8 pt or more (%s)', (language) => {
    const texts = letterTexts(language);
    const long = address('Chaussée de Bruxelles-Haut-Ittre', '1024B', '7300', '12');
    const cases = [
      [letter('Zoë', 'Van den Bergh-Ößmann', 'beneficiary', 'A', address('Rue Émile Cuvelier', '125'))],
      [letter('Anaïs', 'Lefèvre', 'parentsOf', 'B', long), letter('Ñuño', 'Çelik', 'parentsOf', 'B', long)],
      ['Maximilian-Alexander', 'Anne-Sophie', 'Jean-Baptiste', 'Marie-Éléonore', 'Łukasz'].map((first, index) =>
        letter(first, index % 2 ? 'Van den Bergh-Ößmann' : 'Wójcik-Lefèvre', 'parentsOf', 'C', long),
      ),
    ];
    for (const members of cases) {
      const [envelope] = groupIntoEnvelopes(members);
      if (!envelope) throw new Error('no envelope');
      const fitted = fitAddress(windowLines(envelope, texts), measure);
      expect(fitted.size).toBeGreaterThanOrEqual(8);
      expect(contains(RECIPIENT_AREA, fitted.box), JSON.stringify(fitted)).toBe(true);
      for (const [x, y] of packetPositions()) expect(contains(windowOnPage(x, y), fitted.box)).toBe(true);
      // The lines really are as wide as the box says, and the box as high as its lines.
      for (const printed of fitted.lines)
        expect(measure(printed.text, fitted.size) * MM_PER_PT).toBeLessThanOrEqual(fitted.box.width + 1e-9);
      expect(fitted.box.height).toBeCloseTo(fitted.lines.length * fitted.size * ADDRESS_LINE_HEIGHT * MM_PER_PT, 6);
    }
  });

  it('prints a short address at 10 pt on three lines', () => {
    const [envelope] = groupIntoEnvelopes([
      letter('Léa', 'Dupont', 'parentsOf', 'H', address('Rue de la Gare', '10A')),
    ]);
    if (!envelope) throw new Error('no envelope');
    const fitted = fitAddress(windowLines(envelope, letterTexts('fr')), measure);
    expect(fitted.size).toBe(10);
    expect(fitted.lines.map((l) => l.text)).toEqual([
      'Aux parents de Léa\u00a0Dupont',
      'Rue de la Gare 10A',
      '7300 Boussu',
    ]);
  });
});
