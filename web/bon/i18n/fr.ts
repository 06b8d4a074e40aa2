/**
 * The /bon/ page's texts in French (the reference). Dutch and German are files with the same keys (the
 * type below makes a missing key a compile error), registered in ./index.ts.
 */
import { categoriesFr } from '../../lib/i18n/categories.ts';

export const fr = {
  'app.title': 'Mon chèque commerce : solde et commerces partenaires',
  'app.name': 'Chèque commerce',
  'bon.title': 'Mon chèque commerce',
  'bon.intro': 'Scannez le QR code de votre lettre, ou tapez le code imprimé sous le QR code.',

  'scan.start': 'Scanner le QR code de la lettre',
  'scan.stop': 'Fermer la caméra',
  'scan.video': 'Image de la caméra',
  'scan.starting': 'Ouverture de la caméra…',
  'scan.ready': 'Placez le QR code de la lettre dans le cadre.',
  'scan.unavailable': 'La caméra n’est pas disponible : tapez le code imprimé sous le QR code.',
  'scan.notVoucher': 'Ce QR code n’est pas celui d’un chèque commerce.',

  'code.label': 'Code du bon',
  'code.hint': '17 caractères, imprimés sous le QR code : XXXX-XXXX-XXXX-XXXX-X (tirets facultatifs).',
  'code.submit': 'Voir le solde',
  'code.EMPTY': 'Tapez le code imprimé sous le QR code de la lettre.',
  'code.WRONG_LENGTH':
    'Le code a 17 caractères, vous en avez tapé {count} : vérifiez qu’il n’en manque ou n’en dépasse pas.',
  'code.INVALID_CHARACTER':
    'Le code ne contient que des chiffres et des lettres (jamais de U) : vérifiez chaque caractère.',
  'code.CHECK_FAILED': 'Ce code contient une faute de frappe : vérifiez chaque caractère et retapez-le.',

  'lookup.checking': 'Recherche du bon…',
  'lookup.notFound': 'Aucun bon ne correspond à ce code. Vérifiez chaque caractère sur votre lettre.',
  'lookup.throttled':
    'Trop de codes inconnus ont été essayés depuis cette connexion : pour protéger les bons, la recherche est bloquée. Réessayez dans {minutes} min.',
  'lookup.network': 'Pas de connexion au service. Vérifiez le réseau (wifi ou données mobiles) et réessayez.',
  'lookup.error': 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',

  'voucher.title': 'Votre bon',
  'voucher.code': 'Bon se terminant par {end}',
  'voucher.balance': 'Solde disponible',
  'voucher.faceValue': 'Montant de départ',
  'voucher.validUntil': 'Valable jusqu’au',
  'voucher.status': 'État',
  'status.ACTIVE': 'Actif : utilisable dans les commerces partenaires.',
  'status.USED_UP': 'Épuisé : tout le montant a été dépensé.',
  'status.EXPIRED': 'Expiré : la période pour le dépenser est terminée.',
  'status.VOIDED': 'Annulé : ce bon ne peut plus être utilisé. Contactez la commune.',
  'status.NOT_YET_VALID': 'Pas encore utilisable : il le sera à partir du {date}.',
  'voucher.other': 'Vérifier un autre bon',

  'shops.title': 'Où le dépenser ?',
  'shops.intro': 'Votre chèque est accepté dans ces commerces partenaires de la commune.',
  'shops.filter.label': 'Type de commerce',
  'shops.filter.all': 'Tous les commerces',
  'shops.loading': 'Chargement des commerces…',
  'shops.count': '{count} commerces partenaires',
  'shops.empty': 'Aucun commerce de ce type pour le moment.',
  'shops.error': 'La liste des commerces est momentanément indisponible. Réessayez dans quelques minutes.',

  'lost.title': 'Lettre perdue ?',
  'lost.text':
    'Contactez l’administration communale (service du chèque commerce) avec votre carte d’identité. Le bon perdu est annulé et une nouvelle lettre vous est envoyée avec le solde restant.',
  'lost.care': 'Gardez la lettre comme de l’argent : qui a le code peut dépenser le bon.',

  ...categoriesFr,
} as const;

export type BonMessageKey = keyof typeof fr;
export type BonCatalogue = Readonly<Record<BonMessageKey, string>>;
