/** Identifiers for new records: a type prefix and 80 random bits in Crockford Base32 (no `#`, URL-safe). */
import { randomBytes } from 'node:crypto';
import { CROCKFORD_ALPHABET, toBase32 } from './encoding/base32.ts';

export function newId(prefix: string): string {
  return `${prefix}${toBase32(randomBytes(10), CROCKFORD_ALPHABET)}`;
}
