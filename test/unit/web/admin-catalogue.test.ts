/**
 * The admin page's catalogues: Dutch has every French key (French is the reference), no key of its own,
 * the same {placeholders} in each text, and no empty text; every key the page's HTML names exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fr } from '../../../web/admin/i18n/fr.ts';
import { nl } from '../../../web/admin/i18n/nl.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const catalogues: Record<string, Record<string, string>> = { nl };

describe.each(Object.entries(catalogues))('the %s catalogue of the admin page', (_language, catalogue) => {
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
    // Short labels may be the same word in both languages (Budget, IBAN…); sentences may not.
    const untranslated = Object.entries(catalogue)
      .filter(([key, text]) => text === fr[key as keyof typeof fr] && text.split(' ').length > 3)
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe('the admin page', () => {
  it('names only keys of the catalogue in its HTML', () => {
    const html = readFileSync(new URL('../../../web/admin/index.html', import.meta.url), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((key) => !(key in fr))).toEqual([]);
  });
});
