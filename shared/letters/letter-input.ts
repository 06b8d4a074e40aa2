/**
 * What the letter renderer is given: the town, the campaign, the partner shops and, per voucher, only
 * what its letter prints. No national number and no birth date ever reach it.
 */
import type { RegisterAddress } from '../register/register-row.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import type { LetterLanguage } from './i18n/texts.ts';

/** A Belgian postal address as the register gives it (street, house number, box, postcode, locality). */
export type LetterAddress = RegisterAddress;

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

/**
 * Who an envelope is addressed to: the parents of a minor (at the household's address), or the
 * beneficiary themself from 18 on. The caller decides (recipientFor in envelopes.ts does it from an age).
 */
export type RecipientKind = 'parentsOf' | 'beneficiary';

/** The town's logo, drawn top-left on every letter and embedded once per PDF. */
export type TownLogo =
  /** PNG or JPEG bytes. */
  | { readonly kind: 'image'; readonly data: Uint8Array }
  /** SVG path data (`d` attributes) in a viewBox of width × height units, each path filled with a CSS colour. */
  | {
      readonly kind: 'vector';
      readonly width: number;
      readonly height: number;
      readonly paths: readonly { readonly d: string; readonly fill: string }[];
    };

export interface TownLetterConfig {
  /** The town's name as a sentence uses it: "Boussu". */
  readonly name: string;
  /** The letterhead's first line, in the campaign's language: "Commune de Boussu". */
  readonly letterhead: string;
  /** The letterhead's second line, e.g. "Service du commerce local". */
  readonly department?: string;
  /** Printed small above the recipient in the window, and in the letterhead. */
  readonly returnAddress: LetterAddress;
  readonly phone: string;
  readonly email: string;
  /** The public site: the QR codes point at `<publicSiteUrl>/bon/#<code>`. */
  readonly publicSiteUrl: string;
  /** Where the public list of partner shops is; defaults to the public site's home page. */
  readonly shopListUrl?: string;
  readonly logo?: TownLogo;
}

export interface CampaignLetterInfo {
  readonly name: string;
  readonly language: LetterLanguage;
  readonly faceValueCents: number;
  /** The last day vouchers can be spent (the campaign may extend it later). */
  readonly endDate: CalendarDate;
}

/** A partner shop as the list on the letter shows it; `address` is one line, e.g. "Rue de la Gare 12". */
export interface PartnerShop {
  readonly name: string;
  readonly address: string;
}

/** What envelopes.ts needs of a letter to put it in an envelope. */
export interface EnvelopeMember extends PersonName {
  readonly householdRef: string;
  readonly recipient: RecipientKind;
  readonly address: LetterAddress;
}

/** One voucher's letter, as the letter pipeline hands it over (code opened, person looked up). */
export interface VoucherLetter extends EnvelopeMember {
  readonly voucherId: string;
  /** The clear code, 17 characters without separators (shared/vouchers/voucher-code.ts). */
  readonly code: string;
  readonly amountCents: number;
  /** The reference printed on the letter (never the code); defaults to the voucher id's last 8 characters. */
  readonly reference?: string;
}

export function letterReference(letter: Pick<VoucherLetter, 'voucherId' | 'reference'>): string {
  return letter.reference ?? letter.voucherId.slice(-8).toUpperCase();
}
