/**
 * French texts of the pages (the reference town's language). Dutch and German are nl.ts and de.ts, typed
 * `Catalogue` (the type below), so a missing key is a compile error; no text lives in page logic.
 */
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
  'category.bakery': 'Boulangerie, pâtisserie',
  'category.butcher': 'Boucherie',
  'category.grocery': 'Alimentation',
  'category.clothing': 'Vêtements',
  'category.shoes': 'Chaussures',
  'category.books': 'Librairie, papeterie',
  'category.toys': 'Jouets, jeux',
  'category.sports': 'Sport, vélo',
  'category.electronics': 'Informatique, téléphonie',
  'category.hardware': 'Bricolage, jardin',
  'category.florist': 'Fleuriste',
  'category.optician': 'Opticien',
  'category.hairdresser': 'Coiffure',
  'category.restaurant': 'Restauration',
  'category.other': 'Autres commerces',
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Readonly<Record<MessageKey, string>>;
