/** Picks the catalogue for the page's language (French by default) and fills `{placeholders}`. */
import { type Catalogue, fr, type MessageKey } from './fr.ts';

const CATALOGUES: Readonly<Record<string, Catalogue>> = { fr };

function currentCatalogue(): Catalogue {
  const language = (document.documentElement.lang || 'fr').slice(0, 2);
  return CATALOGUES[language] ?? fr;
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = currentCatalogue()[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type { MessageKey };
