import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatStructuredCommunication,
  InvalidPaymentReferenceError,
  isValidRfReference,
  parseStructuredCommunication,
  rfReferenceFor,
  structuredCommunicationFor,
} from '../../../shared/payments/structured-communication.ts';

/** Every string that differs from `text` in exactly one digit position. */
function singleDigitChanges(text: string): string[] {
  const changes: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const digit = text[index] ?? '';
    if (!/\d/.test(digit)) continue;
    for (let other = 0; other <= 9; other += 1) {
      if (String(other) === digit) continue;
      changes.push(`${text.slice(0, index)}${other}${text.slice(index + 1)}`);
    }
  }
  return changes;
}

describe('Belgian structured communication', () => {
  it('reads the ways people and banks write one', () => {
    expect(parseStructuredCommunication('+++090/9337/55493+++')).toBe('090933755493');
    expect(parseStructuredCommunication('***090/9337/55493***')).toBe('090933755493');
    expect(parseStructuredCommunication(' 090 9337 55493 ')).toBe('090933755493');
    expect(parseStructuredCommunication('090933755493')).toBe('090933755493');
    expect(parseStructuredCommunication('090.9337.55493')).toBe('090933755493');
  });

  it('uses 97 as the check when the base divides by 97', () => {
    // 0000000097 is 97 × 1: remainder 0, so the check digits are 97, not 00.
    expect(parseStructuredCommunication('000000009797')).toBe('000000009797');
    expect(parseStructuredCommunication('000000009700')).toBeUndefined();
  });

  it('refuses wrong shapes and check digits', () => {
    expect(parseStructuredCommunication('+++090/9337/55494+++')).toBeUndefined();
    expect(parseStructuredCommunication('+++090/9337/5549+++')).toBeUndefined();
    expect(parseStructuredCommunication('+++090/9337/55493***')).toBeUndefined();
    expect(parseStructuredCommunication('09093375549A')).toBeUndefined();
    expect(parseStructuredCommunication('')).toBeUndefined();
  });

  it('formats 12 digits and refuses invalid ones', () => {
    expect(formatStructuredCommunication('090933755493')).toBe('+++090/9337/55493+++');
    expect(() => formatStructuredCommunication('090933755494')).toThrow(InvalidPaymentReferenceError);
    expect(() => formatStructuredCommunication('+++090/9337/55493+++')).toThrow(InvalidPaymentReferenceError);
  });

  it('derives the same reference from the same seed, and different ones from different seeds', () => {
    const reference = structuredCommunicationFor('STL01JABCDEF');
    expect(reference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    expect(structuredCommunicationFor('STL01JABCDEF')).toBe(reference);
    expect(structuredCommunicationFor('STL01JABCDEG')).not.toBe(reference);
  });

  it('generates references that always validate and never have an all-zero base', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const digits = parseStructuredCommunication(structuredCommunicationFor(seed));
        expect(digits).toMatch(/^\d{12}$/);
        expect(digits?.slice(0, 10)).not.toBe('0000000000');
      }),
    );
  });

  it('detects any single-digit change', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        const digits = parseStructuredCommunication(structuredCommunicationFor(seed)) ?? '';
        for (const changed of singleDigitChanges(digits)) {
          expect(parseStructuredCommunication(changed)).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('ISO 11649 creditor reference', () => {
  it('accepts the standard example, electronic and printed', () => {
    expect(isValidRfReference('RF18539007547034')).toBe(true);
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('rf18539007547034')).toBe(true);
  });

  it('refuses wrong check digits and shapes', () => {
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('RF18539007547035')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
    expect(isValidRfReference('XX18539007547034')).toBe(false);
    expect(isValidRfReference('RF18-5390')).toBe(false);
    expect(isValidRfReference(`RF18${'1'.repeat(22)}`)).toBe(false);
  });

  it('generates references that always validate, deterministically', () => {
    expect(rfReferenceFor('STL01JABCDEF')).toBe(rfReferenceFor('STL01JABCDEF'));
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const reference = rfReferenceFor(seed);
        expect(reference).toMatch(/^RF\d{2}[0-9A-Z]{15}$/);
        expect(isValidRfReference(reference)).toBe(true);
      }),
    );
  });

  it('detects any single-digit change and any letter swapped for another letter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        const reference = rfReferenceFor(seed);
        for (const changed of singleDigitChanges(reference)) {
          expect(isValidRfReference(changed)).toBe(false);
        }
        for (let index = 4; index < reference.length; index += 1) {
          const character = reference[index] ?? '';
          if (!/[A-Z]/.test(character)) continue;
          for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
            if (letter === character) continue;
            const changed = `${reference.slice(0, index)}${letter}${reference.slice(index + 1)}`;
            expect(isValidRfReference(changed)).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
