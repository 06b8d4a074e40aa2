/**
 * The demo town's partner shops. Entirely synthetic: invented shop names, generic street names, and
 * bank accounts generated with valid Belgian check digits (see syntheticBelgianIban) that belong to no one
 * we know of. Never put a real shop's or person's data here.
 */
import { composeIBAN } from 'ibantools';
import type { MerchantCategory, PostalAddress } from '../../../shared/merchants/merchant.ts';

export interface DemoMerchant {
  readonly name: string;
  readonly category: MerchantCategory;
  readonly address: PostalAddress;
  readonly active: boolean;
}

const TOWN = { postcode: '7300', locality: 'Boussu' } as const;

const SHOPS: ReadonlyArray<readonly [string, MerchantCategory, string, string]> = [
  ['Boulangerie Au Bon Grain', 'bakery', 'Rue de la Gare', '12'],
  ['Pâtisserie Les Délices de Léa', 'bakery', 'Grand-Place', '3'],
  ['Boucherie Charlier', 'butcher', 'Rue Neuve', '45'],
  ['Épicerie du Coin', 'grocery', 'Rue du Commerce', '8'],
  ['Primeurs Verts Vallons', 'grocery', 'Rue des Écoles', '21'],
  ['Fromagerie La Meule', 'grocery', 'Place Communale', '5'],
  ['Mode & Tendance', 'clothing', 'Rue Neuve', '62'],
  ['Le Vestiaire des Petits', 'clothing', 'Rue de Mons', '17'],
  ['Jeans Corner', 'clothing', 'Rue de la Station', '9'],
  ['Chaussures Pas à Pas', 'shoes', 'Grand-Place', '14'],
  ['Librairie La Page Blanche', 'books', 'Rue des Écoles', '4'],
  ['Papeterie Crayons & Cie', 'books', 'Rue du Moulin', '33'],
  ['Le Coffre à Jouets', 'toys', 'Rue de la Gare', '28'],
  ['Ludothèque Dés & Pions', 'toys', 'Rue Haute', '11'],
  ['Sports Plus', 'sports', 'Chaussée de Valenciennes', '120'],
  ['Vélo Passion', 'sports', 'Rue du Canal', '7'],
  ['Informatique Clic', 'electronics', 'Rue Neuve', '88'],
  ['Téléphonie Mobile Express', 'electronics', 'Rue de Mons', '40'],
  ['Quincaillerie Lambert', 'hardware', 'Rue du Commerce', '19'],
  ['Brico Jardin', 'hardware', 'Chaussée de Valenciennes', '201'],
  ['Fleurs de Saison', 'florist', 'Place Communale', '2'],
  ['Optique Vision Claire', 'optician', 'Grand-Place', '9'],
  ['Salon Coupe Nette', 'hairdresser', 'Rue Haute', '25'],
  ['Barbier du Borinage', 'hairdresser', 'Rue de la Station', '16'],
  ['Friterie Chez Momo', 'restaurant', 'Place Communale', '11'],
  ['Pizzeria Bella Vita', 'restaurant', 'Rue de la Gare', '52'],
  ['Café-Restaurant Le Terril', 'restaurant', 'Rue du Moulin', '2'],
  ['Musique & Instruments Do Ré Mi', 'other', 'Rue Haute', '40'],
  ['Mercerie Fil d’Or', 'other', 'Rue des Écoles', '30'],
  ['Animalerie Patte Douce', 'other', 'Rue du Canal', '15'],
  // A former partner: kept for its settled history, no longer listed.
  ['Vidéoclub Rembobine (fermé)', 'other', 'Rue de Mons', '3'],
];

export const DEMO_MERCHANTS: readonly DemoMerchant[] = SHOPS.map(([name, category, street, number], index) => ({
  name,
  category,
  address: { street, number, ...TOWN },
  active: index < 30,
}));

/**
 * A Belgian IBAN with valid check digits: BBAN = 3-digit bank code + 7-digit account + 2-digit mod 97
 * check (97 when the remainder is 0); ibantools adds the ISO 13616 IBAN check digits.
 */
export function syntheticBelgianIban(bankCode: number, account: number): string {
  const first10 = `${bankCode.toString().padStart(3, '0')}${account.toString().padStart(7, '0')}`;
  const check = Number(BigInt(first10) % 97n) || 97;
  const iban = composeIBAN({ countryCode: 'BE', bban: `${first10}${check.toString().padStart(2, '0')}` });
  if (!iban) throw new Error(`could not compose an IBAN for ${first10}`);
  return iban;
}
