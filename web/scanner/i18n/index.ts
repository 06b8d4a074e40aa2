/** The scanner's catalogues by language; a new language is a new file here and one line below. */
import { createTranslator } from '../../lib/i18n/index.ts';
import { fr, type ScannerCatalogue, type ScannerMessageKey } from './fr.ts';

const CATALOGUES: Readonly<Record<string, ScannerCatalogue>> = { fr };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

export const t = createTranslator<ScannerMessageKey>(CATALOGUES, fr);

export function isMessageKey(key: string): key is ScannerMessageKey {
  return key in fr;
}

export type { ScannerMessageKey };
