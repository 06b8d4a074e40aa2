/**
 * Base32 without padding, most significant bit first, in the alphabet the caller chooses: Crockford's for
 * what people read (codes, ids), base32hex for keys that must sort like the bytes. Browser-safe.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BASE32HEX_ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** Encodes `bytes`; whole 5-bit groups only (the last bits are dropped when the length is not a multiple of 5 bits). */
export function toBase32(bytes: Uint8Array, alphabet: string): string {
  if (alphabet.length !== 32) throw new Error('A base32 alphabet has 32 symbols');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
