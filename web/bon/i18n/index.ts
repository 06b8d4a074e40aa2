/** The /bon/ page's catalogues by language; a new language is a new file here and one line below. */
import { createTranslator } from '../../lib/i18n/index.ts';
import { de } from './de.ts';
import { type BonCatalogue, type BonMessageKey, fr } from './fr.ts';
import { nl } from './nl.ts';

export const CATALOGUES: Readonly<Record<string, BonCatalogue>> = { fr, nl, de };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

export const t = createTranslator<BonMessageKey>(CATALOGUES, fr);

export function isMessageKey(key: string): key is BonMessageKey {
  return key in fr;
}

export type { BonMessageKey };
