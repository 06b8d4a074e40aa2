/**
 * Bank account checks for payouts to shops. ibantools does the ISO 13616 checksum and the
 * country-specific BBAN rules (for Belgium, the mod-97 check of the last two digits); this module only
 * fixes the shape we store (electronic format) and which countries SEPA lets us pay.
 */
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidIBAN } from 'ibantools';

export class InvalidIbanError extends Error {
  override readonly name = 'InvalidIbanError';
}

/** Normalises `BE68 5390 0754 7034` to `BE68539007547034` and checks it; throws when it is not a SEPA IBAN. */
export function normaliseIban(input: string): string {
  const electronic = electronicFormatIBAN(input) ?? '';
  if (!isValidIBAN(electronic)) {
    throw new InvalidIbanError(`"${input}" is not a valid IBAN (wrong length or check digits)`);
  }
  if (!isSEPACountry(electronic.slice(0, 2))) {
    throw new InvalidIbanError(`"${input}" is not in the SEPA area: the town cannot pay it by SEPA transfer`);
  }
  return electronic;
}

export function isValidSepaIban(input: string): boolean {
  try {
    normaliseIban(input);
    return true;
  } catch {
    return false;
  }
}

/** `BE68 5390 0754 7034`, for letters, reports and screens. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

/**
 * `BE68 •••• •••• 7034`: enough for a shop or a clerk to recognise the account, not enough to reuse it.
 * Shown to everyone but finance and admin, who see the full number.
 */
export function maskIban(iban: string): string {
  const electronic = electronicFormatIBAN(iban) ?? '';
  // Country and check digits, then the last four: anything shorter than that is masked whole.
  const visibleEnd = electronic.length > 8 ? 4 : 0;
  const masked = [...electronic]
    .map((character, index) => (index < 4 || index >= electronic.length - visibleEnd ? character : '•'))
    .join('');
  return masked.replace(/(.{4})(?=.)/gu, '$1 ');
}
