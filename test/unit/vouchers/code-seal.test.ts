/** Sealed codes: they open back to the code with the right key only, and reveal nothing of it. */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCode, sealCode } from '../../../shared/vouchers/code-seal.ts';

const key = randomBytes(32);

describe('code seal', () => {
  it('opens back to the very code that was sealed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (code) => {
        expect(openCode(key, sealCode(key, code))).toBe(code);
      }),
    );
  });

  it('seals the same code differently each time (a fresh IV), and never shows it', () => {
    const code = 'K7QM2P9XW4HT8R3N6C';
    const first = sealCode(key, code);
    const second = sealCode(key, code);
    expect(first).not.toBe(second);
    expect(first.startsWith('v1.')).toBe(true);
    expect(first).not.toContain(code);
    expect(Buffer.from(first.split('.')[2] ?? '', 'base64url').toString('utf8')).not.toContain(code);
  });

  it('refuses another key, a tampered seal and a malformed one', () => {
    const sealed = sealCode(key, 'K7QM2P9XW4HT8R3N6C');
    expect(() => openCode(randomBytes(32), sealed)).toThrow();
    const [version, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openCode(key, [version, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
    expect(() => openCode(key, 'v2.a.b.c')).toThrow(/Not a sealed/);
    expect(() => openCode(key, 'not-a-seal')).toThrow(/Not a sealed/);
  });
});
