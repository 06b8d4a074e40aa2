/** Bank identifier codes (ISO 9362 BIC) as payment files need them: 8 or 11 characters, upper case. */
import { isValidBIC } from 'ibantools';

export class InvalidBicError extends Error {
  override readonly name = 'InvalidBicError';
}

/** `gebabebb` or `GEBA BE BB` to `GEBABEBB`; throws when it is not a BIC (length, shape or country). */
export function normaliseBic(input: string): string {
  const bic = input.replace(/\s/g, '').toUpperCase();
  if (bic.length !== 8 && bic.length !== 11) {
    throw new InvalidBicError(`"${input}" is not a BIC: it must have 8 or 11 characters, it has ${bic.length}`);
  }
  if (!isValidBIC(bic)) {
    throw new InvalidBicError(`"${input}" is not a BIC: 4 letters or digits, a country code, then 2 (or 5) more`);
  }
  return bic;
}
