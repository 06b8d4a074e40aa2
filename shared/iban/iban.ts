/**
 * Bank account checks for payouts to shops. ibantools does the ISO 13616 checksum and the
 * country-specific BBAN rules (for Belgium, the mod-97 check of the last two digits); this module only
 * fixes the shape we store (electronic format) and which countries SEPA lets us pay.
 */
import {
  electronicFormatIBAN,
  friendlyFormatIBAN,
  getCountrySpecifications,
  isSEPACountry,
  ValidationErrorsIBAN,
  validateIBAN,
} from 'ibantools';

/** What is wrong with an IBAN, for a client to point at the right place (the message says it in words). */
export type IbanProblem =
  | 'EMPTY'
  | 'COUNTRY'
  | 'NOT_SEPA'
  | 'LENGTH'
  | 'FORMAT'
  | 'CHECK_DIGITS'
  | 'ACCOUNT_CHECK_DIGITS';

export class InvalidIbanError extends Error {
  override readonly name = 'InvalidIbanError';
  readonly problem: IbanProblem;

  constructor(problem: IbanProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/**
 * Normalises `BE68 5390 0754 7034` to `BE68539007547034` and checks it; throws, saying what is wrong, when it
 * is not a SEPA IBAN. The messages never repeat the number: they end up in logs and problem documents.
 */
export function normaliseIban(input: string): string {
  const electronic = electronicFormatIBAN(input) ?? '';
  const country = electronic.slice(0, 2);
  const { errorCodes } = validateIBAN(electronic);
  const has = (code: ValidationErrorsIBAN) => errorCodes.includes(code);
  if (has(ValidationErrorsIBAN.NoIBANProvided)) throw new InvalidIbanError('EMPTY', 'The IBAN is empty');
  if (/[^A-Z0-9]/.test(electronic)) {
    throw new InvalidIbanError('FORMAT', 'An IBAN has only letters and digits (spaces and dashes are ignored)');
  }
  if (has(ValidationErrorsIBAN.NoIBANCountry)) {
    throw new InvalidIbanError('COUNTRY', 'An IBAN starts with a country code such as BE: this one does not');
  }
  if (!isSEPACountry(country)) {
    throw new InvalidIbanError(
      'NOT_SEPA',
      `This IBAN is of ${country}, outside the SEPA area: the town cannot pay it by SEPA transfer`,
    );
  }
  const length = getCountrySpecifications()[country]?.chars;
  if (has(ValidationErrorsIBAN.WrongBBANLength) && length) {
    throw new InvalidIbanError(
      'LENGTH',
      `An IBAN of ${country} has ${length} characters, this one has ${electronic.length}`,
    );
  }
  if (has(ValidationErrorsIBAN.WrongBBANFormat) || has(ValidationErrorsIBAN.ChecksumNotNumber)) {
    throw new InvalidIbanError(
      'FORMAT',
      `The IBAN does not have the shape of an IBAN of ${country} (a letter or sign where a digit belongs?)`,
    );
  }
  if (has(ValidationErrorsIBAN.WrongIBANChecksum)) {
    throw new InvalidIbanError(
      'CHECK_DIGITS',
      'The IBAN check digits (3rd and 4th characters) do not match the rest: a typing error?',
    );
  }
  if (has(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    const where = country === 'BE' ? 'its last two digits' : `the national check of ${country}`;
    throw new InvalidIbanError(
      'ACCOUNT_CHECK_DIGITS',
      `The account number's own check (${where}) fails: a typing error?`,
    );
  }
  if (errorCodes.length > 0) throw new InvalidIbanError('FORMAT', `This is not a valid IBAN of ${country}`);
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
