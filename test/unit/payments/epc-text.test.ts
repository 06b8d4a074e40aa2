import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEpcText, toEpcText } from '../../../shared/payments/epc-text.ts';

const EPC_ONLY = /^[a-zA-Z0-9/\-?:().,'+ ]*$/;

describe('toEpcText', () => {
  it.each([
    ['Dutch', "Bakkerij Van Den Broeck & Zonen 't Ĳsje", "Bakkerij Van Den Broeck + Zonen 't IJsje"],
    [
      'French',
      'Boulangerie Dupré – Pâtisserie à l’ancienne, Façade',
      "Boulangerie Dupre - Patisserie a l'ancienne, Facade",
    ],
    ['French ligature', 'Œufs et cœurs Noël', 'OEufs et coeurs Noel'],
    ['German', 'Bäckerei Müller Straße GmbH', 'Backerei Muller Strasse GmbH'],
    ['Polish', 'Łódź Deli – Żółć Spółka', 'Lodz Deli - Zolc Spolka'],
    ['Nordic', 'Øresund Ærø Smørrebrød Åsa', 'Oresund AEro Smorrebrod Asa'],
    ['Icelandic', 'Þórður Guðmundsson', 'THordur Gudmundsson'],
    ['Croatian', 'Đurđević', 'Durdevic'],
    ['Spanish', 'Peña Añejo', 'Pena Anejo'],
    ['smart quotes', '“Le Petit” ‘Coin’', "'Le Petit' 'Coin'"],
  ])('transliterates %s names', (_language, input, expected) => {
    expect(toEpcText(input, 140)).toBe(expected);
  });

  it('replaces other characters with a space and collapses whitespace', () => {
    expect(toEpcText('  Shop #1 \t @ home!\n\n<b>  ', 70)).toBe('Shop 1 home b');
    expect(toEpcText('Prix: 10 € * 2 = 20 €', 70)).toBe('Prix: 10 EUR 2 20 EUR');
  });

  it('never starts with a slash nor contains a double slash', () => {
    expect(toEpcText('//ref//2026///x', 35)).toBe('ref/2026/x');
    expect(toEpcText(' / / abc', 35)).toBe('abc');
  });

  it('truncates to the maximum length without a trailing space', () => {
    expect(toEpcText('Boucherie Charcuterie', 10)).toBe('Boucherie');
    expect(toEpcText('Straße', 4)).toBe('Stra');
    expect(toEpcText('ABCDEFGHIJ', 10)).toBe('ABCDEFGHIJ');
  });

  it('never drops a name: text it cannot write at all becomes "?"', () => {
    expect(toEpcText('王记面馆', 70)).toBe('?');
    expect(toEpcText('☕🥐', 70)).toBe('?');
    expect(toEpcText('Café 王', 70)).toBe('Cafe');
    expect(toEpcText('   ', 70)).toBe('');
  });

  it('refuses a maximum length below 1', () => {
    expect(() => toEpcText('x', 0)).toThrow(RangeError);
  });

  it('always returns EPC characters within the length, following the slash rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 140 }), (input, maxLength) => {
        const output = toEpcText(input, maxLength);
        expect(output).toMatch(EPC_ONLY);
        expect(output.length).toBeLessThanOrEqual(maxLength);
        expect(output.startsWith('/')).toBe(false);
        expect(output).not.toContain('//');
        expect(output).toBe(output.trim());
        if (input.trim() !== '') expect(output.length).toBeGreaterThan(0);
      }),
    );
  });

  it('leaves EPC-clean text as it is', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9?:().,'+-]+$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const clean = words.join(' ');
        expect(toEpcText(clean, 500)).toBe(clean);
      }),
    );
  });
});

describe('isEpcText', () => {
  it('accepts identifiers as they are and refuses what a bank would reject', () => {
    expect(isEpcText('STL01JABCDEF-2026/11', 35)).toBe(true);
    expect(isEpcText('', 35)).toBe(false);
    expect(isEpcText('/abc', 35)).toBe(false);
    expect(isEpcText('a//b', 35)).toBe(false);
    expect(isEpcText('café', 35)).toBe(false);
    expect(isEpcText('x'.repeat(36), 35)).toBe(false);
  });
});
