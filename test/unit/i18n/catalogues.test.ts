/**
 * Every catalogue of every page (public, scanner, admin, /bon/, /demande/), the letters' and the applicant
 * mails': each language has exactly the French keys (French is the reference), the same {placeholders} (the
 * letters: the same values) in each text, no empty text and no French sentence left in place; every key a
 * page's HTML names exists. A missing translation fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLICANT_LANGUAGES } from '../../../shared/applications/application.ts';
import { applicantMailTexts } from '../../../shared/applications/i18n/catalogue.ts';
import { letterTexts } from '../../../shared/letters/i18n/catalogue.ts';
import { LETTER_LANGUAGES } from '../../../shared/letters/i18n/texts.ts';
import { fr as adminFr } from '../../../web/admin/i18n/fr.ts';
import { nl as adminNl } from '../../../web/admin/i18n/nl.ts';
import { de as bonDe } from '../../../web/bon/i18n/de.ts';
import { fr as bonFr } from '../../../web/bon/i18n/fr.ts';
import { nl as bonNl } from '../../../web/bon/i18n/nl.ts';
import { de as demandeDe } from '../../../web/demande/i18n/de.ts';
import { fr as demandeFr } from '../../../web/demande/i18n/fr.ts';
import { nl as demandeNl } from '../../../web/demande/i18n/nl.ts';
import { de as publicDe } from '../../../web/lib/i18n/de.ts';
import { fr as publicFr } from '../../../web/lib/i18n/fr.ts';
import { nl as publicNl } from '../../../web/lib/i18n/nl.ts';
import { de as scannerDe } from '../../../web/scanner/i18n/de.ts';
import { fr as scannerFr } from '../../../web/scanner/i18n/fr.ts';
import { nl as scannerNl } from '../../../web/scanner/i18n/nl.ts';
import { flatten } from '../letters/letter-entries.ts';

type Texts = Readonly<Record<string, string>>;
interface Page {
  readonly name: string;
  readonly french: Texts;
  readonly others: Readonly<Record<string, Texts>>;
  /** What stands for a value in a text: `{name}` in the pages, the recognisable arguments in the letters. */
  readonly values: RegExp;
  /**
   * A letter's sentence is a function given every value, so a language may use one French does not (German
   * greets with the last name too); a page's text may not: an unknown `{placeholder}` is printed as is.
   */
  readonly extraValuesAllowed: boolean;
  /** Each value as often as in French (the citizen pages), not only each value once. */
  readonly sameCount?: boolean;
  /** From how many words a text left as in French counts as untranslated (shorter: a label, e.g. Budget). */
  readonly sentenceWords?: number;
}

const PLACEHOLDER = /\{(\w+)\}/g;
// The values letter-entries.ts passes to the letters' functions.
const LETTER_VALUE = /\b(TOWN|AMOUNT|ENDDATE|SHOPLIST|SITE|PHONE|EMAIL|ARG2|ARG)\b/g;
const letters = (language: (typeof LETTER_LANGUAGES)[number]) => Object.fromEntries(flatten(letterTexts(language)));

// The mails' sentences take one object of words: each word read from it comes back as `WORD_<name>`.
const WORD = /\b(WORD_\w+)\b/g;
const words = new Proxy({}, { get: (_target, name) => `WORD_${String(name)}` });
function mails(language: (typeof APPLICANT_LANGUAGES)[number]): Texts {
  const entries: Record<string, string> = {};
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') entries[path] = value;
    else if (typeof value === 'function') entries[path] = String(value(words));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(applicantMailTexts(language), '');
  return entries;
}

const PAGES: readonly Page[] = [
  {
    name: 'public pages',
    french: publicFr,
    others: { nl: publicNl, de: publicDe },
    values: PLACEHOLDER,
    extraValuesAllowed: false,
  },
  {
    name: 'scanner',
    french: scannerFr,
    others: { nl: scannerNl, de: scannerDe },
    values: PLACEHOLDER,
    extraValuesAllowed: false,
  },
  { name: 'admin page', french: adminFr, others: { nl: adminNl }, values: PLACEHOLDER, extraValuesAllowed: false },
  ...(
    [
      ['/bon/', bonFr, { nl: bonNl, de: bonDe }],
      ['/demande/', demandeFr, { nl: demandeNl, de: demandeDe }],
    ] as const
  ).map(([name, french, others]) => ({
    name,
    french,
    others,
    values: PLACEHOLDER,
    extraValuesAllowed: false,
    sameCount: true,
    sentenceWords: 3,
  })),
  {
    name: 'letters',
    french: letters('fr'),
    others: Object.fromEntries(LETTER_LANGUAGES.filter((l) => l !== 'fr').map((l) => [l, letters(l)])),
    values: LETTER_VALUE,
    extraValuesAllowed: true,
  },
  {
    name: 'applicant mails',
    french: mails('fr'),
    others: Object.fromEntries(APPLICANT_LANGUAGES.filter((l) => l !== 'fr').map((l) => [l, mails(l)])),
    values: WORD,
    extraValuesAllowed: true,
  },
];

// Each value once: a translation may name the balance once where French names it twice (unless `sameCount`).
const valuesIn = (text: string, pattern: RegExp) =>
  [...new Set([...text.matchAll(pattern)].map((match) => match[1]))].sort();
const allValuesIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]).sort();

const cases = PAGES.flatMap((page) =>
  Object.entries(page.others).map(([language, texts]) => [`${page.name}, ${language}`, page, texts] as const),
);

describe.each(cases)('the catalogue of the %s', (_name, page, catalogue) => {
  it('has every key of the French catalogue, and none of its own', () => {
    expect(Object.keys(page.french).filter((key) => !(key in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !(key in page.french))).toEqual([]);
  });

  it('keeps the placeholders of each French text', () => {
    const differing = Object.entries(page.french)
      .filter(([key, text]) => {
        const french = valuesIn(text, page.values);
        const translated = valuesIn(catalogue[key] ?? '', page.values);
        const missing = french.some((value) => !translated.includes(value));
        const extra = translated.some((value) => !french.includes(value));
        const counted =
          page.sameCount &&
          JSON.stringify(allValuesIn(text, page.values)) !==
            JSON.stringify(allValuesIn(catalogue[key] ?? '', page.values));
        return missing || (extra && !page.extraValuesAllowed) || counted;
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has a text for every key, not the French one left in place', () => {
    expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    // Short labels may be the same word in both languages (Budget, IBAN, Sport…); sentences may not.
    const untranslated = Object.entries(catalogue)
      .filter(([key, text]) => text === page.french[key] && text.split(' ').length >= (page.sentenceWords ?? 4))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe.each([
  ['admin', adminFr, 50],
  ['scanner', scannerFr, 40],
  ['bon', bonFr, 10],
  ['demande', demandeFr, 10],
] as const)('the %s page', (page, french, atLeast) => {
  it('names only keys of the catalogue in its HTML', () => {
    const html = readFileSync(new URL(`../../../web/${page}/index.html`, import.meta.url), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(atLeast);
    expect(keys.filter((key) => !(key in french))).toEqual([]);
  });
});
