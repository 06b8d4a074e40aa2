/** The public pages' texts in German (East Belgium): the same keys and {placeholders} as fr.ts (the type and a unit test check). */
import { categoriesDe } from './categories.ts';
import type { Catalogue } from './fr.ts';

export const de: Catalogue = {
  'public.documentTitle': 'Einkaufsgutschein: Partnergeschäfte',
  'public.title': 'Einkaufsgutschein: Wo kann ich ihn einlösen?',
  'public.intro': 'Ihr Einkaufsgutschein wird in diesen Partnergeschäften der Gemeinde angenommen.',
  'public.loading': 'Geschäfte werden geladen…',
  'public.error':
    'Die Liste der Geschäfte ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
  'public.count.one': '1 Partnergeschäft',
  'public.count': '{count} Partnergeschäfte',
  'public.filter.label': 'Art des Geschäfts',
  'public.filter.all': 'Alle Geschäfte',
  'public.empty': 'Zurzeit kein Geschäft dieser Art.',
  'public.address.box': 'Bfk. {box}',
  ...categoriesDe,
};
