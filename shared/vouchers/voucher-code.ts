/**
 * Voucher codes as people read, type and scan them: 80 random bits in Crockford's Base32 plus one check
 * character, grouped by four (`7KQ4-M2XD-9PFA-3HCW-R`). Browser-safe: the scanner checks codes before any request.
 */

import { CROCKFORD_ALPHABET, toBase32 } from '../encoding/base32.ts';

export const CODE_ALPHABET = CROCKFORD_ALPHABET;
export const CODE_BITS = 80;
const PAYLOAD_LENGTH = CODE_BITS / 5; // 16 characters of 5 bits
const GROUP = 4;

export type CodeProblem = 'EMPTY' | 'WRONG_LENGTH' | 'INVALID_CHARACTER' | 'CHECK_FAILED';

export type ParsedCode =
  | {
      readonly ok: true /** 17 characters, no separators: the form that is hashed and stored. */;
      readonly code: string;
    }
  | { readonly ok: false; readonly problem: CodeProblem };

const VALUE = new Map<string, number>([...CODE_ALPHABET].map((char, index) => [char, index]));

// Exponent and logarithm tables of GF(32) with the primitive polynomial x^5 + x^2 + 1.
const EXP: number[] = [];
const LOG: number[] = new Array(32).fill(0);
for (let power = 0, value = 1; power < 31; power += 1) {
  EXP[power] = value;
  LOG[value] = power;
  value <<= 1;
  if (value & 32) value ^= 0b100101;
}

function multiply(value: number, power: number): number {
  return value === 0 ? 0 : (EXP[((LOG[value] ?? 0) + power) % 31] ?? 0);
}

/**
 * The check character of a payload written in CODE_ALPHABET: a weighted sum in GF(32), sum of v[i] * a^(i+1)
 * with a primitive (x^5 + x^2 + 1). As a has order 31, it catches every single mistyped character, every
 * swap of neighbours (check character included) and of characters two apart. Luhn mod 32 misses the swap of
 * 0 and Z; Crockford's mod-37 check needs five extra symbols (`*~$=U`), awkward on a letter and a phone.
 */
export function checkCharacter(payload: string): string {
  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    sum ^= multiply(VALUE.get(payload[index] ?? '') ?? 0, index + 1);
  }
  return CODE_ALPHABET[sum] ?? '0';
}

/** A new code from 10 random bytes (the caller supplies a CSPRNG: node:crypto or crypto.getRandomValues). */
export function codeFromRandomBytes(bytes: Uint8Array): string {
  if (bytes.length * 8 < CODE_BITS) throw new Error(`A voucher code needs ${CODE_BITS / 8} random bytes`);
  const payload = toBase32(bytes.subarray(0, CODE_BITS / 8), CODE_ALPHABET);
  return payload + checkCharacter(payload);
}

/** `7KQ4M2XD9PFA3HCWR` -> `7KQ4-M2XD-9PFA-3HCW-R`, the way it is printed. */
export function formatCode(code: string): string {
  const groups: string[] = [];
  for (let index = 0; index < code.length; index += GROUP) groups.push(code.slice(index, index + GROUP));
  return groups.join('-');
}

/**
 * Reads what a person typed: any case, any separators (spaces, dashes, dots), O for 0, I or L for 1, and
 * verifies the check character before anything is looked up.
 */
export function parseCode(input: string): ParsedCode {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length === 0) return { ok: false, problem: 'EMPTY' };
  const code = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== PAYLOAD_LENGTH + 1) return { ok: false, problem: 'WRONG_LENGTH' };
  for (const char of code) if (!VALUE.has(char)) return { ok: false, problem: 'INVALID_CHARACTER' };
  const payload = code.slice(0, PAYLOAD_LENGTH);
  if (checkCharacter(payload) !== code.slice(PAYLOAD_LENGTH)) return { ok: false, problem: 'CHECK_FAILED' };
  return { ok: true, code };
}

/**
 * The QR payload: a page of the public site, with the code in the fragment so that it never reaches a
 * server log when a citizen opens the link.
 */
export function qrPayload(publicSiteUrl: string, code: string): string {
  return `${publicSiteUrl.replace(/\/$/, '')}/bon/#${formatCode(code)}`;
}

/** Accepts either a bare code or a QR payload URL (fragment, `c`/`code` query parameter or last path segment). */
export function parseCodeOrUrl(input: string): ParsedCode {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return parseCode(trimmed);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'INVALID_CHARACTER' };
  }
  const candidate =
    url.hash.replace(/^#/, '') ||
    url.searchParams.get('code') ||
    url.searchParams.get('c') ||
    url.pathname.split('/').filter(Boolean).at(-1) ||
    '';
  return parseCode(decodeURIComponent(candidate));
}
