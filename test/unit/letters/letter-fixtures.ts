/** A demo town, campaign, shops and letters for the letter tests and the benchmark (all synthetic). */
import { createHash } from 'node:crypto';
import { DEMO_MERCHANTS } from '../../../infra/local/seed/demo-merchants.ts';
import { DEMO_LOGO } from '../../../shared/letters/demo-logo.ts';
import type { LetterLanguage } from '../../../shared/letters/i18n/texts.ts';
import type {
  CampaignLetterInfo,
  LetterAddress,
  PartnerShop,
  RecipientKind,
  TownLetterConfig,
  VoucherLetter,
} from '../../../shared/letters/letter-input.ts';
import { codeFromRandomBytes } from '../../../shared/vouchers/voucher-code.ts';

export const TOWN: TownLetterConfig = {
  name: 'Boussu',
  letterhead: 'Commune de Boussu',
  department: 'Service du commerce local',
  returnAddress: { street: 'Rue Grande', houseNumber: '1', box: null, postcode: '7300', locality: 'Boussu' },
  phone: '065 71 73 00',
  email: 'commerce@boussu.example',
  publicSiteUrl: 'https://bons.boussu.example',
  shopListUrl: 'https://bons.boussu.example/commerces',
  logo: DEMO_LOGO,
};

export function campaign(language: LetterLanguage = 'fr'): CampaignLetterInfo {
  return { name: 'Chèque commerce jeunesse 2027', language, faceValueCents: 10_000, endDate: '2027-03-31' };
}

export const LETTER_DATE = '2027-01-15';

export const SHOPS: readonly PartnerShop[] = DEMO_MERCHANTS.filter((shop) => shop.active).map((shop) => ({
  name: shop.name,
  address: `${shop.address.street} ${shop.address.number}, ${shop.address.postcode} ${shop.address.locality}`,
}));

/** A valid voucher code from a number (deterministic, for tests only). */
export function codeFor(seed: number): string {
  return codeFromRandomBytes(createHash('sha256').update(`test-code-${seed}`).digest().subarray(0, 10));
}

export function address(
  street: string,
  houseNumber: string,
  postcode = '7300',
  box: string | null = null,
): LetterAddress {
  const locality = { '7300': 'Boussu', '7301': 'Hornu', '7080': 'Frameries' }[postcode] ?? 'Boussu';
  return { street, houseNumber, box, postcode, locality };
}

let nextVoucher = 1;

export function letter(
  firstName: string,
  lastName: string,
  recipient: RecipientKind,
  householdRef: string,
  where: LetterAddress,
): VoucherLetter {
  const number = nextVoucher++;
  return {
    voucherId: `vch_${String(number).padStart(4, '0')}Q9T2M7KD4HXR`,
    code: codeFor(number),
    amountCents: 10_000,
    firstName,
    lastName,
    recipient,
    householdRef,
    address: where,
  };
}
