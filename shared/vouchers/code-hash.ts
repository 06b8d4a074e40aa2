/**
 * Codes are never stored in clear: a voucher is stored and found under the keyed hash (HMAC-SHA-256 with
 * a secret key from Secrets Manager) of its normalised code. Without the key, the table reveals no code
 * and no code can be tested offline against it. The voucher's id IS this hash, so a look-up by code is a
 * single strongly consistent GetItem.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { BASE32HEX_ALPHABET, toBase32 } from '../encoding/base32.ts';
import { codeFromRandomBytes } from './voucher-code.ts';

/** The voucher id for a normalised code (see parseCode): 32 base32hex characters of the HMAC. */
export function voucherIdForCode(codeKey: Buffer, normalisedCode: string): string {
  const digest = createHmac('sha256', codeKey).update(`voucher-code:v1:${normalisedCode}`).digest();
  return `v${toBase32(digest.subarray(0, 20), BASE32HEX_ALPHABET)}`;
}

/** A fresh code from the operating system's CSPRNG. */
export function newVoucherCode(): string {
  return codeFromRandomBytes(randomBytes(10));
}
