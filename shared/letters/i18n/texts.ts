/**
 * The shape of a letter catalogue: every word the letters print, so the layout code holds none. One
 * catalogue per language of Belgium (fr.ts, nl.ts, de.ts); catalogue.ts picks one by language code.
 */
import type { CalendarDate } from '../../time/calendar-date.ts';

export type LetterLanguage = 'fr' | 'nl' | 'de';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['fr', 'nl', 'de'];

/** Values a sentence needs, already formatted (amounts with formatEuros, dates with `date`). */
export interface TownWords {
  /** The town's name as used in a sentence: "Boussu". */
  readonly town: string;
  readonly amount: string;
  readonly endDate: string;
  readonly shopListUrl: string;
  readonly siteUrl: string;
  readonly phone: string;
  readonly email: string;
}

export type ShopListPlace = 'back' | 'front' | 'online';

export interface LetterTexts {
  readonly language: LetterLanguage;
  /** `31/03/2027` in French and Dutch, `31.03.2027` in German. */
  date(date: CalendarDate): string;
  /** "Léa, Tom et Zoé": joins the last two with the language's "and". */
  list(items: readonly string[]): string;

  readonly envelope: {
    /** "Aux parents de Léa Dupont", the names already joined by `list`. */
    parentsOf(names: string): string;
    /** The box after the house number: "bte 3". */
    box(box: string): string;
    /** In the address block of the second and later letters of an envelope. */
    readonly sameEnvelope: string;
  };

  readonly letter: {
    /** "Boussu, le 15/01/2027" above the reference. */
    placeAndDate(place: string, date: string): string;
    readonly referenceLabel: string;
    headlineForParents(firstName: string): string;
    headlineForBeneficiary(firstName: string): string;
    readonly greetingParents: string;
    greetingBeneficiary(firstName: string, lastName: string): string;
    introForParents(words: TownWords): string;
    introForBeneficiary(words: TownWords): string;
    readonly howToTitle: string;
    /** Three steps; the first says where the shop list is printed: on the back, on the front, or only online. */
    steps(words: TownWords, shopList: ShopListPlace): readonly string[];
    readonly validityTitle: string;
    validity(words: TownWords): string;
    readonly lostTitle: string;
    lost(words: TownWords): string;
    readonly keepSafe: string;
    readonly closing: string;
    signature(words: TownWords): string;
    phone(phone: string): string;
  };

  readonly voucher: {
    /** Small capitals above the amount. */
    readonly label: string;
    forPerson(fullName: string): string;
    validUntil(date: string): string;
    readonly codeLabel: string;
    readonly scanHint: string;
  };

  readonly shops: {
    readonly title: string;
    /** Under the title of the back page. */
    backIntro(words: TownWords): string;
    /** When a list is cut short: "… and 12 more shops: url". */
    more(count: number, words: TownWords): string;
    readonly online: string;
  };

  readonly cover: {
    readonly notForMailing: string;
    batch(number: number, of: number): string;
    readonly campaign: string;
    readonly letterDate: string;
    readonly postcodes: string;
    readonly envelopes: string;
    readonly letters: string;
    readonly pages: string;
    readonly sheets: string;
    readonly printing: string;
    readonly simplex: string;
    readonly duplex: string;
    readonly warningTitle: string;
    readonly warning: string;
    readonly blankPage: string;
  };
}

/** Shared by the catalogues: "a, b and c" with the language's word for "and". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}
