/** A demo town, campaign, shops and letters for the letter tests and the benchmark (all synthetic). */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
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
    voucherId: `vch_${createHash('sha256').update(`voucher-${number}`).digest('hex').slice(0, 16).toUpperCase()}`,
    code: codeFor(number),
    amountCents: 10_000,
    firstName,
    lastName,
    recipient,
    householdRef,
    address: where,
  };
}

/** A small PNG (a blue disc on white), made here so the tests need no image file. */
export function syntheticPng(size = 64): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method choice, no interlace
  const rows: number[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x += 1) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.2) ** 2;
      rows.push(...(inside ? [31, 78, 121] : [255, 255, 255]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
