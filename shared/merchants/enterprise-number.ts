/**
 * The Belgian enterprise number (KBO/BCE; the VAT number is `BE` + it), as partner shops write it: with or
 * without dots, spaces or the `BE` prefix, and in the old nine-digit form. Stored as `0123.456.749`.
 */

export type EnterpriseNumberProblem = 'CHARACTERS' | 'LENGTH' | 'FIRST_DIGIT' | 'CHECK_DIGITS';

export class InvalidEnterpriseNumberError extends Error {
  override readonly name = 'InvalidEnterpriseNumberError';
  readonly problem: EnterpriseNumberProblem;

  constructor(problem: EnterpriseNumberProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/** `0123.456.749` from any usual spelling; throws, saying what is wrong, when it is not a valid number. */
export function normaliseEnterpriseNumber(input: string): string {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/^BE/, '')
    .replace(/[\s.\-/]/g, '');
  if (!/^\d+$/.test(compact)) {
    throw new InvalidEnterpriseNumberError(
      'CHARACTERS',
      `"${input}" is not an enterprise number: only digits, dots, spaces and a leading BE are allowed`,
    );
  }
  // Numbers given before 2005 had nine digits; the tenth, a leading 0, was added without changing the check.
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (digits.length !== 10) {
    throw new InvalidEnterpriseNumberError(
      'LENGTH',
      `"${input}" is not an enterprise number: it must have 10 digits (or 9 in the old form), it has ${compact.length}`,
    );
  }
  if (digits[0] !== '0' && digits[0] !== '1') {
    throw new InvalidEnterpriseNumberError(
      'FIRST_DIGIT',
      `"${input}" is not an enterprise number: the first of its 10 digits must be 0 or 1, it is ${digits[0]}`,
    );
  }
  const expected = 97 - (Number(digits.slice(0, 8)) % 97);
  if (Number(digits.slice(8)) !== expected) {
    throw new InvalidEnterpriseNumberError(
      'CHECK_DIGITS',
      `"${input}" is not an enterprise number: its check digits are ${digits.slice(8)}, they should be ${expected.toString().padStart(2, '0')} (a typing error?)`,
    );
  }
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** `BE0123456749`: the VAT number of an enterprise subject to VAT (checked like the enterprise number). */
export function vatNumberOf(enterpriseNumber: string): string {
  return `BE${normaliseEnterpriseNumber(enterpriseNumber).replaceAll('.', '')}`;
}
