/**
 * The citizen pages' catalogues (/bon/, /demande/): Dutch and German have every French key (French is the
 * reference) and none of their own, the same {placeholders} in each text, no empty text and no French
 * sentence left untranslated; every key a page's HTML names exists. A missing translation fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { de as bonDe } from '../../../web/bon/i18n/de.ts';
import { fr as bonFr } from '../../../web/bon/i18n/fr.ts';
import { nl as bonNl } from '../../../web/bon/i18n/nl.ts';
import { de as demandeDe } from '../../../web/demande/i18n/de.ts';
import { fr as demandeFr } from '../../../web/demande/i18n/fr.ts';
import { nl as demandeNl } from '../../../web/demande/i18n/nl.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const pages: Record<string, { fr: Record<string, string>; others: Record<string, Record<string, string>> }> = {
  bon: { fr: bonFr, others: { nl: bonNl, de: bonDe } },
  demande: { fr: demandeFr, others: { nl: demandeNl, de: demandeDe } },
};

const cases = Object.entries(pages).flatMap(([page, { fr, others }]) =>
  Object.entries(others).map(([language, catalogue]) => ({ page, language, fr, catalogue })),
);

describe.each(cases)('the $language catalogue of /$page/', ({ fr, catalogue }) => {
  it('has every key of the French catalogue, and none of its own', () => {
    expect(Object.keys(fr).filter((key) => !(key in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !(key in fr))).toEqual([]);
  });

  it('keeps the placeholders of each French text', () => {
    const differing = Object.entries(fr)
      .filter(
        ([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(catalogue[key] ?? '')),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has a text for every key, not the French one left in place', () => {
    expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    // Short labels may be the same word in two languages (Opticien, Status…); sentences may not.
    const untranslated = Object.entries(catalogue)
      .filter(([key, text]) => text === fr[key] && text.split(' ').length > 2)
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe.each(Object.entries(pages))('the /%s/ page', (page, { fr }) => {
  it('names only keys of its catalogue in its HTML', () => {
    const html = readFileSync(new URL(`../../../web/${page}/index.html`, import.meta.url), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !(key in fr))).toEqual([]);
  });
});
