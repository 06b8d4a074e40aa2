/** The public pages' texts in Belgian Dutch: the same keys and {placeholders} as fr.ts (the type and a unit test check). */
import { categoriesNl } from './categories.ts';
import type { Catalogue } from './fr.ts';

export const nl: Catalogue = {
  'public.documentTitle': 'Handelscheque: partnerzaken',
  'public.title': 'Handelscheque: waar kunt u hem gebruiken?',
  'public.intro': 'Uw handelscheque wordt aanvaard in deze partnerzaken van de gemeente.',
  'public.loading': 'Zaken laden…',
  'public.error': 'De lijst van de zaken is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',
  'public.count.one': '1 partnerzaak',
  'public.count': '{count} partnerzaken',
  'public.filter.label': 'Soort zaak',
  'public.filter.all': 'Alle zaken',
  'public.empty': 'Voorlopig geen zaken van deze soort.',
  'public.address.box': 'bus {box}',
  ...categoriesNl,
};
