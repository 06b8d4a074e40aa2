import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newVoucherCode, voucherIdForCode } from '../../../shared/vouchers/code-hash.ts';
import {
  CODE_ALPHABET,
  checkCharacter,
  codeFromRandomBytes,
  formatCode,
  parseCode,
  parseCodeOrUrl,
  qrPayload,
} from '../../../shared/vouchers/voucher-code.ts';

const codeArbitrary = fc.uint8Array({ minLength: 10, maxLength: 10 }).map((bytes) => codeFromRandomBytes(bytes));

describe('voucher codes', () => {
  it('carries 80 random bits in 16 characters plus a check character', () => {
    const code = newVoucherCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{17}$/);
    expect(formatCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    // Every bit of the 10 bytes is used: all-ones and all-zeros map to the extreme codes.
    expect(codeFromRandomBytes(new Uint8Array(10).fill(255)).slice(0, 16)).toBe('Z'.repeat(16));
    expect(codeFromRandomBytes(new Uint8Array(10)).slice(0, 16)).toBe('0'.repeat(16));
  });

  it('reads what people type: case, separators, O/0 and I/L/1', () => {
    fc.assert(
      fc.property(codeArbitrary, (code) => {
        const sloppy = formatCode(code).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
        expect(parseCode(sloppy)).toEqual({ ok: true, code });
        expect(parseCode(` ${formatCode(code)} `)).toEqual({ ok: true, code });
      }),
    );
  });

  it('catches every single mistyped character', () => {
    fc.assert(
      fc.property(codeArbitrary, fc.nat(16), fc.nat(31), (code, position, shift) => {
        const original = code[position] ?? '0';
        const replaced = CODE_ALPHABET[(CODE_ALPHABET.indexOf(original) + 1 + (shift % 31)) % 32] ?? '0';
        const typo = code.slice(0, position) + replaced + code.slice(position + 1);
        expect(parseCode(typo)).toEqual({ ok: false, problem: 'CHECK_FAILED' });
      }),
      { numRuns: 2000 },
    );
  });

  it('catches swaps of two neighbouring characters, 0 and Z included', () => {
    fc.assert(
      fc.property(codeArbitrary, fc.nat(15), (code, position) => {
        const a = code[position];
        const b = code[position + 1];
        fc.pre(a !== b);
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(parseCode(swapped).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('says why a code is refused', () => {
    expect(parseCode('')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(parseCode('7KQ4-M2XD')).toEqual({ ok: false, problem: 'WRONG_LENGTH' });
    expect(parseCode('7KQ4-M2XD-9PFA-3HCW-U')).toEqual({ ok: false, problem: 'INVALID_CHARACTER' });
    const payload = '7KQ4M2XD9PFA3HCW';
    expect(parseCode(payload + checkCharacter(payload)).ok).toBe(true);
  });

  it('finds the code in a QR payload URL, or takes the bare code', () => {
    const code = newVoucherCode();
    const url = qrPayload('https://bons.boussu.example/', code);
    expect(url).toBe(`https://bons.boussu.example/bon/#${formatCode(code)}`);
    expect(parseCodeOrUrl(url)).toEqual({ ok: true, code });
    expect(parseCodeOrUrl(`https://x.example/bon/?code=${code}`)).toEqual({ ok: true, code });
    expect(parseCodeOrUrl(`https://x.example/bon/${formatCode(code)}`)).toEqual({ ok: true, code });
    expect(parseCodeOrUrl(formatCode(code))).toEqual({ ok: true, code });
    expect(parseCodeOrUrl('https://x.example/').ok).toBe(false);
  });
});

describe('voucher id (keyed hash of the code)', () => {
  it('is stable for a key and code, and differs with another key or code', () => {
    const key = randomBytes(32);
    const code = newVoucherCode();
    expect(voucherIdForCode(key, code)).toBe(voucherIdForCode(key, code));
    expect(voucherIdForCode(key, code)).toMatch(/^v[0-9a-v]{32}$/);
    expect(voucherIdForCode(randomBytes(32), code)).not.toBe(voucherIdForCode(key, code));
    expect(voucherIdForCode(key, newVoucherCode())).not.toBe(voucherIdForCode(key, code));
    expect(voucherIdForCode(key, code)).not.toContain(code.toLowerCase());
  });
});

describe('check character, exhaustively on one code', () => {
  it('catches every substitution and every swap at distance 1 or 2, check character included', () => {
    const code = codeFromRandomBytes(new Uint8Array([1, 35, 69, 103, 137, 171, 205, 239, 16, 250]));
    for (let position = 0; position < code.length; position += 1) {
      for (const replacement of CODE_ALPHABET) {
        if (replacement === code[position]) continue;
        expect(parseCode(code.slice(0, position) + replacement + code.slice(position + 1)).ok).toBe(false);
      }
      for (const distance of [1, 2]) {
        const other = position + distance;
        if (other >= code.length || code[position] === code[other]) continue;
        const chars = [...code];
        [chars[position], chars[other]] = [chars[other] ?? '', chars[position] ?? ''];
        expect(parseCode(chars.join('')).ok).toBe(false);
      }
    }
  });
});
