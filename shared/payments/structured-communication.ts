/**
 * Payment references a bank reconciles automatically: the Belgian structured communication (OGM/VCS,
 * `+++ddd/dddd/ddddd+++`) and the international ISO 11649 creditor reference (`RF…`).
 */
import { createHash } from 'node:crypto';

export class InvalidPaymentReferenceError extends Error {
  override readonly name = 'InvalidPaymentReferenceError';
}

const TEN_DIGITS = 10_000_000_000n;

/** The two check digits of a Belgian structured communication: base mod 97, 97 when it divides. */
function belgianCheck(base: number): number {
  const remainder = base % 97;
  return remainder === 0 ? 97 : remainder;
}

/**
 * The structured communication of a payment, derived from a stable seed (a settlement id), so that a
 * re-run of the same settlement produces the same reference and the shop's bank statement matches ours.
 */
export function structuredCommunicationFor(seed: string): string {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  // 64 bits of the hash reduced to 1..9 999 999 999: uniform enough, and never the all-zero base.
  const base = Number((digest.readBigUInt64BE(0) % (TEN_DIGITS - 1n)) + 1n);
  const digits = `${base.toString().padStart(10, '0')}${belgianCheck(base).toString().padStart(2, '0')}`;
  return formatStructuredCommunication(digits);
}

/**
 * Reads a structured communication as people and banks write it (`+++090/9337/55493+++`,
 * `***090/9337/55493***`, `090 9337 55493`, `090933755493`) and returns its 12 digits, or undefined
 * when it is not one (wrong shape or check digits).
 */
export function parseStructuredCommunication(text: string): string | undefined {
  let inner = text.trim();
  const framed = /^(\+{3}|\*{3})(.*)\1$/s.exec(inner);
  if (framed) inner = framed[2] ?? '';
  const digits = inner.replace(/[\s/.-]/g, '');
  if (!/^\d{12}$/.test(digits)) return undefined;
  const base = Number(digits.slice(0, 10));
  return belgianCheck(base) === Number(digits.slice(10)) ? digits : undefined;
}

/** `+++090/9337/55493+++` from the 12 digits; throws when they are not a valid structured communication. */
export function formatStructuredCommunication(digits12: string): string {
  if (!/^\d{12}$/.test(digits12) || parseStructuredCommunication(digits12) !== digits12) {
    throw new InvalidPaymentReferenceError(
      `"${digits12}" is not a Belgian structured communication (12 digits, mod 97)`,
    );
  }
  return `+++${digits12.slice(0, 3)}/${digits12.slice(3, 7)}/${digits12.slice(7)}+++`;
}

/** ISO 7064 mod 97-10 over an alphanumeric string, letters read as numbers (A = 10 … Z = 35). */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const character of alphanumeric) {
    const value = Number.parseInt(character, 36);
    // Letters count as two digits, digits as one: fold them in one decimal digit at a time.
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

const RF_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RF_BODY_LENGTH = 15;

/** An ISO 11649 creditor reference (`RF` + 2 check digits + 15 characters), derived from a stable seed. */
export function rfReferenceFor(seed: string): string {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let body = '';
  for (let index = 0; index < RF_BODY_LENGTH; index += 1) {
    body += RF_ALPHABET[(digest[index] ?? 0) % RF_ALPHABET.length];
  }
  const check = 98 - mod97(`${body}RF00`);
  return `RF${check.toString().padStart(2, '0')}${body}`;
}

/** Checks an ISO 11649 reference, electronic (`RF18539007547034`) or printed in groups of four. */
export function isValidRfReference(text: string): boolean {
  const reference = text.replace(/\s/g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(reference)) return false;
  return mod97(`${reference.slice(4)}${reference.slice(0, 4)}`) === 1;
}
