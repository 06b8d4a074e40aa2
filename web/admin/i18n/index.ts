/** The admin page's catalogues by language; a new language is a new file here and one line below. */
import { createTranslator } from '../../lib/i18n/index.ts';
import { type AdminCatalogue, type AdminMessageKey, fr } from './fr.ts';
import { nl } from './nl.ts';

export const CATALOGUES: Readonly<Record<string, AdminCatalogue>> = { fr, nl };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

export const t = createTranslator<AdminMessageKey>(CATALOGUES, fr);

export function isMessageKey(key: string): key is AdminMessageKey {
  return key in fr;
}

export type { AdminMessageKey };
