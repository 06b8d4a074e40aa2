/**
 * The scanner's catalogues by language. French (the page's HTML language and the fallback) is in the first
 * download; Dutch and German, about 3.5 KB gzip each, are chunks loaded only by a phone that shows them.
 */
import { createTranslator } from '../../lib/i18n/index.ts';
import { fr, type ScannerCatalogue, type ScannerMessageKey } from './fr.ts';

const LOADERS: Readonly<Record<string, () => Promise<ScannerCatalogue>>> = {
  fr: async () => fr,
  nl: async () => (await import('./nl.ts')).nl,
  de: async () => (await import('./de.ts')).de,
};

// Filled as languages are loaded; t() reads it at each call, so a loaded language shows at the next render.
const CATALOGUES: Record<string, ScannerCatalogue> = { fr };

export const LANGUAGES: readonly string[] = Object.keys(LOADERS);

/** Makes `language`'s texts available to t(); answers the language shown, French if it could not load. */
export async function loadCatalogue(language: string): Promise<string> {
  const load = LOADERS[language];
  if (!load) return 'fr';
  try {
    CATALOGUES[language] ??= await load();
    return language;
  } catch {
    // A chunk that failed to download (flaky network): the page stays usable, in French.
    return 'fr';
  }
}

export const t = createTranslator<ScannerMessageKey>(CATALOGUES, fr);

export function isMessageKey(key: string): key is ScannerMessageKey {
  return key in fr;
}

export type { ScannerMessageKey };
