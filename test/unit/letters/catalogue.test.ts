import { describe, expect, it } from 'vitest';
import { letterTexts } from '../../../shared/letters/i18n/catalogue.ts';
import { LETTER_LANGUAGES, type LetterTexts, type TownWords } from '../../../shared/letters/i18n/texts.ts';

const WORDS: TownWords = {
  town: 'TOWN',
  amount: 'AMOUNT',
  endDate: 'ENDDATE',
  shopListUrl: 'SHOPLIST',
  siteUrl: 'SITE',
  phone: 'PHONE',
  email: 'EMAIL',
};

/** Every entry of a catalogue as `path -> printed text`, functions called with recognisable arguments. */
function flatten(texts: LetterTexts): Map<string, string> {
  const entries = new Map<string, string>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') entries.set(path, value);
    else if (typeof value === 'function') {
      const result: unknown =
        path === 'date'
          ? value('2027-03-31')
          : path === 'list'
            ? value(['A', 'B', 'C'])
            : path.endsWith('steps')
              ? value(WORDS, 'back')
              : path.endsWith('more')
                ? value(12, WORDS)
                : path.endsWith('batch')
                  ? value(2, 3)
                  : value(/Words|intro|validity|lost|signature|backIntro/.test(path) ? WORDS : 'ARG', 'ARG2');
      if (Array.isArray(result)) {
        for (const [index, item] of result.entries()) visit(item, `${path}[${index}]`);
      } else visit(result, path);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(texts, '');
  return entries;
}

describe('letter catalogues', () => {
  const french = flatten(letterTexts('fr'));

  it.each(LETTER_LANGUAGES)('%s has every entry the French one has, none empty', (language) => {
    const entries = flatten(letterTexts(language));
    expect([...entries.keys()].sort()).toEqual([...french.keys()].sort());
    for (const [key, text] of entries) expect(text.trim(), key).not.toBe('');
  });

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
