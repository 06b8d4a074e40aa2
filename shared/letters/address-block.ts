/**
 * The recipient's lines as the window shows them, fitted into the address block (envelope-geometry.ts):
 * long lines wrap at spaces and the type shrinks (down to bpost's 8 pt minimum) until every line fits.
 */
import { ADDRESS_BLOCK, type Box } from './envelope-geometry.ts';
import type { Envelope } from './envelopes.ts';
import type { LetterTexts } from './i18n/texts.ts';
import type { LetterAddress, PersonName, TownLetterConfig } from './letter-input.ts';

/** The band at the top of the block that holds the town's return address, in mm. */
export const RETURN_ADDRESS_BAND = 6;

/** Where the recipient's lines go: the address block below the return address. */
export const RECIPIENT_AREA: Box = {
  x: ADDRESS_BLOCK.x,
  y: ADDRESS_BLOCK.y + RETURN_ADDRESS_BAND,
  width: ADDRESS_BLOCK.width,
  height: ADDRESS_BLOCK.height - RETURN_ADDRESS_BAND,
};

/** Sizes tried in turn, in points. */
export const ADDRESS_SIZES = [10, 9, 8] as const;

/** Line height as a multiple of the font size (DejaVu's ascent + descent is about 1.16 em). */
export const ADDRESS_LINE_HEIGHT = 1.25;

const MM_PER_PT = 25.4 / 72;

/**
 * "Aux parents de Léa, Tom et Zoé Dupont" (one family name) or "… de Léa Dupont et Tom Martin"; with
 * `firstNamesOnly`, "… de Léa et Tom" (the window's last resort for many children with long names: the
 * address already says which household, and each letter inside names its child in full).
 */
export function recipientLine(recipient: Envelope['recipient'], texts: LetterTexts, firstNamesOnly = false): string {
  if (recipient.kind === 'beneficiary') return fullName(recipient.person);
  const { children } = recipient;
  const lastName = children[0]?.lastName ?? '';
  const oneFamilyName = children.every((child) => child.lastName === lastName);
  // Each name is glued with non-breaking spaces: a long line wraps between names, never inside one.
  const firstNames = children.map((child) => unbreakable(child.firstName));
  if (oneFamilyName) {
    const last = firstNames.pop() ?? '';
    return texts.envelope.parentsOf(texts.list([...firstNames, unbreakable(`${last} ${lastName}`)]));
  }
  if (firstNamesOnly) return texts.envelope.parentsOf(texts.list(firstNames));
  return texts.envelope.parentsOf(texts.list(children.map((child) => unbreakable(fullName(child)))));
}

function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

export function fullName(person: PersonName): string {
  return `${person.firstName} ${person.lastName}`;
}

/** Belgian order: "Rue de la Gare 12 bte 3", then "7300 Boussu". */
export function postalLines(address: LetterAddress, texts: LetterTexts): [string, string] {
  const box = address.box ? ` ${texts.envelope.box(address.box)}` : '';
  return [`${address.street} ${address.houseNumber}${box}`, `${address.postcode} ${address.locality}`];
}

/** The town's address on one line, printed small above the recipient so that it shows in the window. */
export function returnAddressLine(
  town: Pick<TownLetterConfig, 'letterhead' | 'returnAddress'>,
  texts: LetterTexts,
): string {
  const [street, locality] = postalLines(town.returnAddress, texts);
  return `${town.letterhead} · ${street} · ${locality}`;
}

/** What the window shows, best first: fitAddress takes the first that fits. */
export function windowLines(envelope: Pick<Envelope, 'recipient' | 'address'>, texts: LetterTexts): string[][] {
  const postal = postalLines(envelope.address, texts);
  const full = [recipientLine(envelope.recipient, texts), ...postal];
  const short = [recipientLine(envelope.recipient, texts, true), ...postal];
  return full[0] === short[0] ? [full] : [full, short];
}

export interface FittedAddress {
  readonly size: number;
  /** Each printed line and the distance of its top from the page's top, in mm. */
  readonly lines: readonly { readonly text: string; readonly top: number }[];
  /** The block's extent on the page, in mm. */
  readonly box: Box;
}

/** Width of `text` at `size` points, in points (pdfkit's widthOfString). */
export type MeasureText = (text: string, size: number) => number;

/** Width in mm at a size, from one measure per text: a line's width is proportional to its type size. */
type WidthAt = (text: string, size: number) => number;

function wrap(line: string, size: number, maxWidth: number, widthAt: WidthAt): string[] {
  if (widthAt(line, size) <= maxWidth) return [line];
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && widthAt(candidate, size) > maxWidth) {
      wrapped.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) wrapped.push(current);
  return wrapped;
}

/**
 * Lays out the first of the candidate line sets (windowLines) that fits RECIPIENT_AREA, at the largest
 * size where it does. If none fits even at the smallest size, the last one is kept at that size: the
 * tests show that it takes a street name of fifty letters and five children with double names to get
 * there, and then a line may run up to the window's margin.
 */
export function fitAddress(candidates: readonly (readonly string[])[], measure: MeasureText): FittedAddress {
  const area = RECIPIENT_AREA;
  const unitWidths = new Map<string, number>();
  const widthAt: WidthAt = (text, size) => {
    let unit = unitWidths.get(text);
    if (unit === undefined) {
      unit = measure(text, 1) * MM_PER_PT;
      unitWidths.set(text, unit);
    }
    return unit * size;
  };
  let fitted: FittedAddress | undefined;
  for (const lines of candidates) {
    for (const size of ADDRESS_SIZES) {
      const lineHeight = size * ADDRESS_LINE_HEIGHT * MM_PER_PT;
      const printed = lines.flatMap((line) => wrap(line, size, area.width, widthAt));
      const widest = Math.max(...printed.map((text) => widthAt(text, size)));
      fitted = {
        size,
        lines: printed.map((text, index) => ({ text, top: area.y + index * lineHeight })),
        box: { x: area.x, y: area.y, width: widest, height: printed.length * lineHeight },
      };
      if (fitted.box.height <= area.height && widest <= area.width) return fitted;
    }
  }
  if (!fitted) throw new Error('no address lines to fit');
  return fitted;
}
