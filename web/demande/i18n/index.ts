/** The /demande/ page's catalogues by language; a new language is a new file here and one line below. */
import { createTranslator } from '../../lib/i18n/index.ts';
import { de } from './de.ts';
import { type DemandeCatalogue, type DemandeMessageKey, fr } from './fr.ts';
import { nl } from './nl.ts';

export const CATALOGUES: Readonly<Record<string, DemandeCatalogue>> = { fr, nl, de };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

export const t = createTranslator<DemandeMessageKey>(CATALOGUES, fr);

export function isMessageKey(key: string): key is DemandeMessageKey {
  return key in fr;
}

export type { DemandeMessageKey };
