/**
 * French texts of the pages (the reference town's language). Dutch and German are nl.ts and de.ts, typed
 * `Catalogue` (the type below), so a missing key is a compile error; no text lives in page logic.
 */
import { categoriesFr } from './categories.ts';

export const fr = {
  'public.documentTitle': 'Chèque commerce : commerces partenaires',
  'public.title': 'Chèque commerce : où le dépenser ?',
  'public.intro': 'Votre chèque commerce est accepté dans ces commerces partenaires de la commune.',
  'public.loading': 'Chargement des commerces…',
  'public.error': 'La liste des commerces est momentanément indisponible. Réessayez dans quelques minutes.',
  'public.count.one': '1 commerce partenaire',
  'public.count': '{count} commerces partenaires',
  'public.filter.label': 'Type de commerce',
  'public.filter.all': 'Tous les commerces',
  'public.empty': 'Aucun commerce de ce type pour le moment.',
  // "bte 2": the box (letterbox) number of a Belgian address, as each language abbreviates it.
  'public.address.box': 'bte {box}',
  ...categoriesFr,
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Readonly<Record<MessageKey, string>>;
