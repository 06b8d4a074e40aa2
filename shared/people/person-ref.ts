/**
 * The references that stand for a person, a household and a client address in the table: keyed hashes
 * (HMAC-SHA-256 under the platform's person key), so the table can de-duplicate re-imports and find an
 * applicant by national number, yet holds no national number, no register household id and no IP address.
 */
import { createHmac } from 'node:crypto';
import { BASE32HEX_ALPHABET, toBase32 } from '../encoding/base32.ts';
import type { NationalNumber } from '../register/national-number.ts';

function keyedRef(prefix: string, personKey: Buffer, purpose: string, value: string): string {
  // 120 bits of the HMAC in base32hex: collision-free for any town, short enough for keys and letters.
  const digest = createHmac('sha256', personKey).update(`${purpose}:v1:${value}`).digest().subarray(0, 15);
  return prefix + toBase32(digest, BASE32HEX_ALPHABET);
}

/** The person's reference: the same national number gives the same reference in every import and campaign. */
export function personRefFor(personKey: Buffer, nationalNumber: NationalNumber): string {
  return keyedRef('p', personKey, 'national-number', nationalNumber);
}

/** The household's reference, from the register's household id (letters to minors go to the household). */
export function householdRefFor(personKey: Buffer, householdId: string): string {
  return keyedRef('h', personKey, 'household', householdId.trim().toUpperCase());
}

/** A client's address, for rate limits: counted per address without keeping the address. */
export function clientRefFor(personKey: Buffer, sourceIp: string): string {
  return keyedRef('c', personKey, 'client-ip', sourceIp);
}
