/**
 * The shop categories' names, one wording per language for every page that shows a category (the public
 * list, /bon/, the admin page): each page's catalogue spreads these in, so a shop is called the same
 * everywhere. The keys follow MERCHANT_CATEGORIES: a new category without a name here is a compile error.
 */
import type { MerchantCategory } from '../../../shared/merchants/merchant.ts';

type CategoryNames = Readonly<Record<`category.${MerchantCategory}`, string>>;

export const categoriesFr = {
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
} as const satisfies CategoryNames;

export const categoriesNl: CategoryNames = {
  'category.bakery': 'Bakkerij, banketbakkerij',
  'category.butcher': 'Slagerij',
  'category.grocery': 'Voeding',
  'category.clothing': 'Kleding',
  'category.shoes': 'Schoenen',
  'category.books': 'Boekhandel, papierwaren',
  'category.toys': 'Speelgoed, spellen',
  'category.sports': 'Sport, fietsen',
  'category.electronics': 'Computers, telefonie',
  'category.hardware': 'Doe-het-zelf, tuin',
  'category.florist': 'Bloemist',
  'category.optician': 'Opticien',
  'category.hairdresser': 'Kapper',
  'category.restaurant': 'Horeca',
  'category.other': 'Andere zaken',
};

export const categoriesDe: CategoryNames = {
  'category.bakery': 'Bäckerei, Konditorei',
  'category.butcher': 'Metzgerei',
  'category.grocery': 'Lebensmittel',
  'category.clothing': 'Bekleidung',
  'category.shoes': 'Schuhe',
  'category.books': 'Buchhandlung, Schreibwaren',
  'category.toys': 'Spielwaren',
  'category.sports': 'Sport, Fahrräder',
  'category.electronics': 'Computer, Telefonie',
  'category.hardware': 'Heimwerken, Garten',
  'category.florist': 'Blumengeschäft',
  'category.optician': 'Optiker',
  'category.hairdresser': 'Friseur',
  'category.restaurant': 'Gastronomie',
  'category.other': 'Sonstige Geschäfte',
};
