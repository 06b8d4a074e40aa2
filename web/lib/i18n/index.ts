/**
 * Picks the catalogue for the page's language (French by default) and fills `{placeholders}`. Each page
 * may have its own catalogue (the scanner's lives in web/scanner/i18n/): `createTranslator` gives it the
 * same lookup, so a page never carries another page's texts.
 */
import { de } from './de.ts';
import { type Catalogue, fr, type MessageKey } from './fr.ts';
import { nl } from './nl.ts';

export type Values = Readonly<Record<string, string | number>>;

/** The language of the page (`<html lang>`, set by ./language.ts `chooseLanguage`), two letters. */
export function pageLanguage(): string {
  return (document.documentElement.lang || 'fr').slice(0, 2);
}

function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A `t()` over a page's catalogues, falling back to the first (the reference language) for other languages. */
export function createTranslator<Key extends string>(
  catalogues: Readonly<Record<string, Readonly<Record<Key, string>>>>,
  fallback: Readonly<Record<Key, string>>,
): (key: Key, values?: Values) => string {
  return (key, values = {}) => fill((catalogues[pageLanguage()] ?? fallback)[key], values);
}

// All three in the page's first download: together about 2 KB gzip, less than a chunk's round trip costs.
const CATALOGUES: Readonly<Record<string, Catalogue>> = { fr, nl, de };

/** The languages of the public pages (pure, like `t` below: the scanner keeps none of these texts). */
export const LANGUAGES: readonly string[] = /* @__PURE__ */ Object.keys(CATALOGUES);

// Pure: a page that does not use the public texts (the scanner) leaves them out of its bundle.
export const t: (key: MessageKey, values?: Values) => string = /* @__PURE__ */ createTranslator<MessageKey>(
  CATALOGUES,
  fr,
);

export type { MessageKey };
