/**
 * A letter catalogue as `path -> printed text` (functions called with recognisable values), so tests can
 * compare languages entry by entry: the letters' own test and the check of every catalogue of the project.
 */
import type { LetterTexts, TownWords } from '../../../shared/letters/i18n/texts.ts';

export const WORDS: TownWords = {
  town: 'TOWN',
  amount: 'AMOUNT',
  endDate: 'ENDDATE',
  shopListUrl: 'SHOPLIST',
  siteUrl: 'SITE',
  phone: 'PHONE',
  email: 'EMAIL',
};

/** Every entry of a catalogue as `path -> printed text`, functions called with recognisable arguments. */
export function flatten(texts: LetterTexts): Map<string, string> {
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
