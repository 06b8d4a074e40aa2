/** The /bon/ page's texts in Dutch (same keys as ./fr.ts; the type makes a missing one a compile error). */
import { categoriesNl } from '../../lib/i18n/categories.ts';
import type { BonCatalogue } from './fr.ts';

export const nl: BonCatalogue = {
  'app.title': 'Mijn waardebon: saldo en partnerhandelaars',
  'app.name': 'Waardebon lokale handel',
  'bon.title': 'Mijn waardebon',
  'bon.intro': 'Scan de QR-code op uw brief, of typ de code die onder de QR-code gedrukt staat.',

  'scan.start': 'De QR-code van de brief scannen',
  'scan.stop': 'Camera sluiten',
  'scan.video': 'Camerabeeld',
  'scan.starting': 'Camera wordt geopend…',
  'scan.ready': 'Houd de QR-code van de brief in het kader.',
  'scan.unavailable': 'De camera is niet beschikbaar: typ de code die onder de QR-code gedrukt staat.',
  'scan.notVoucher': 'Deze QR-code is niet die van een waardebon.',

  'code.label': 'Code van de bon',
  'code.hint': '17 tekens, gedrukt onder de QR-code: XXXX-XXXX-XXXX-XXXX-X (streepjes niet verplicht).',
  'code.submit': 'Saldo bekijken',
  'code.EMPTY': 'Typ de code die onder de QR-code op de brief gedrukt staat.',
  'code.WRONG_LENGTH': 'De code telt 17 tekens, u typte er {count}: controleer of er geen ontbreekt of te veel is.',
  'code.INVALID_CHARACTER': 'De code bevat alleen cijfers en letters (nooit een U): controleer elk teken.',
  'code.CHECK_FAILED': 'Deze code bevat een tikfout: controleer elk teken en typ hem opnieuw.',

  'lookup.checking': 'Bon wordt opgezocht…',
  'lookup.notFound': 'Geen enkele bon heeft deze code. Controleer elk teken op uw brief.',
  'lookup.throttled':
    'Vanaf deze verbinding werden te veel onbekende codes geprobeerd: om de bonnen te beschermen is zoeken geblokkeerd. Probeer opnieuw over {minutes} min.',
  'lookup.network': 'Geen verbinding met de dienst. Controleer het netwerk (wifi of mobiele data) en probeer opnieuw.',
  'lookup.error': 'De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',

  'voucher.title': 'Uw bon',
  'voucher.code': 'Bon eindigend op {end}',
  'voucher.balance': 'Beschikbaar saldo',
  'voucher.faceValue': 'Oorspronkelijk bedrag',
  'voucher.validUntil': 'Geldig tot',
  'voucher.status': 'Status',
  'status.ACTIVE': 'Actief: te gebruiken bij de partnerhandelaars.',
  'status.USED_UP': 'Opgebruikt: het volledige bedrag is uitgegeven.',
  'status.EXPIRED': 'Vervallen: de periode om hem te gebruiken is voorbij.',
  'status.VOIDED': 'Geannuleerd: deze bon kan niet meer gebruikt worden. Neem contact op met de gemeente.',
  'status.NOT_YET_VALID': 'Nog niet te gebruiken: dat kan vanaf {date}.',
  'voucher.other': 'Een andere bon controleren',

  'shops.title': 'Waar kunt u hem gebruiken?',
  'shops.intro': 'Uw waardebon wordt aanvaard bij deze partnerhandelaars van de gemeente.',
  'shops.filter.label': 'Soort winkel',
  'shops.filter.all': 'Alle winkels',
  'shops.loading': 'Winkels worden geladen…',
  'shops.count': '{count} partnerhandelaars',
  'shops.empty': 'Voorlopig geen winkel van deze soort.',
  'shops.error': 'De lijst van winkels is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',

  'lost.title': 'Brief verloren?',
  'lost.text':
    'Neem contact op met het gemeentebestuur (dienst waardebonnen) met uw identiteitskaart. De verloren bon wordt geannuleerd en u krijgt een nieuwe brief met het resterende saldo.',
  'lost.care': 'Bewaar de brief zoals geld: wie de code heeft, kan de bon uitgeven.',

  ...categoriesNl,
};
