import { describe, expect, it } from 'vitest';
import { letterTexts } from '../../../shared/letters/i18n/catalogue.ts';
import { LETTER_LANGUAGES } from '../../../shared/letters/i18n/texts.ts';
import { flatten, WORDS } from './letter-entries.ts';

describe('letter catalogues', () => {
  const french = flatten(letterTexts('fr'));

  // Same entries as French, none empty, the same values in each: test/unit/i18n/catalogues.test.ts.

  it.each(['nl', 'de'] as const)('%s is translated, not copied from French', (language) => {
    const entries = flatten(letterTexts(language));
    // Words that are the same in both languages, and the date format Flanders shares with Wallonia.
    const alike = new Set(['language', 'date', 'cover.campaign']);
    const same = [...entries].filter(([key, text]) => !alike.has(key) && french.get(key) === text);
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it.each(LETTER_LANGUAGES)('%s puts the values into its sentences', (language) => {
    const { letter, shops, cover } = letterTexts(language);
    expect(letter.introForParents(WORDS)).toContain('TOWN');
    expect(letter.introForParents(WORDS)).toContain('AMOUNT');
    expect(letter.introForBeneficiary(WORDS)).toContain('AMOUNT');
    expect(letter.validity(WORDS)).toContain('ENDDATE');
    expect(letter.validity(WORDS)).toContain('SITE');
    expect(letter.lost(WORDS)).toContain('PHONE');
    expect(letter.lost(WORDS)).toContain('EMAIL');
    for (const place of ['back', 'front', 'online'] as const) {
      expect(letter.steps(WORDS, place)).toHaveLength(3);
      expect(letter.steps(WORDS, place)[0]).toContain('SHOPLIST');
    }
    expect(letter.headlineForParents('Léa')).toContain('Léa');
    expect(letter.headlineForBeneficiary('Léa')).toContain('Léa');
    expect(shops.more(1, WORDS)).not.toBe(shops.more(12, WORDS).replace('12', '1'));
    expect(shops.more(12, WORDS)).toContain('12');
    expect(cover.batch(2, 3)).toMatch(/2.*3/);
  });

  it('writes dates the way each language does in Belgium', () => {
    expect(letterTexts('fr').date('2027-03-31')).toBe('31/03/2027');
    expect(letterTexts('nl').date('2027-03-31')).toBe('31/03/2027');
    expect(letterTexts('de').date('2027-03-31')).toBe('31.03.2027');
    expect(letterTexts('fr').voucher.validUntil('31/03/2027')).toBe('Valable jusqu’au 31/03/2027');
  });
});
