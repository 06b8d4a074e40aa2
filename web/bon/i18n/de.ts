/** The /bon/ page's texts in German (same keys as ./fr.ts; the type makes a missing one a compile error). */
import { categoriesDe } from '../../lib/i18n/categories.ts';
import type { BonCatalogue } from './fr.ts';

export const de: BonCatalogue = {
  'app.title': 'Mein Einkaufsgutschein: Guthaben und Partnergeschäfte',
  'app.name': 'Einkaufsgutschein',
  'bon.title': 'Mein Einkaufsgutschein',
  'bon.intro': 'Scannen Sie den QR-Code Ihres Briefes oder geben Sie den Code ein, der unter dem QR-Code steht.',

  'scan.start': 'QR-Code des Briefes scannen',
  'scan.stop': 'Kamera schließen',
  'scan.video': 'Kamerabild',
  'scan.starting': 'Kamera wird geöffnet…',
  'scan.ready': 'Halten Sie den QR-Code des Briefes in den Rahmen.',
  'scan.unavailable': 'Die Kamera ist nicht verfügbar: Geben Sie den Code unter dem QR-Code ein.',
  'scan.notVoucher': 'Dieser QR-Code gehört zu keinem Einkaufsgutschein.',

  'code.label': 'Code des Gutscheins',
  'code.hint': '17 Zeichen, unter dem QR-Code gedruckt: XXXX-XXXX-XXXX-XXXX-X (Bindestriche freiwillig).',
  'code.submit': 'Guthaben anzeigen',
  'code.EMPTY': 'Geben Sie den Code ein, der unter dem QR-Code des Briefes steht.',
  'code.WRONG_LENGTH':
    'Der Code hat 17 Zeichen, Sie haben {count} eingegeben: Prüfen Sie, ob eines fehlt oder zu viel ist.',
  'code.INVALID_CHARACTER': 'Der Code enthält nur Ziffern und Buchstaben (nie ein U): Prüfen Sie jedes Zeichen.',
  'code.CHECK_FAILED': 'Dieser Code enthält einen Tippfehler: Prüfen Sie jedes Zeichen und geben Sie ihn neu ein.',

  'lookup.checking': 'Gutschein wird gesucht…',
  'lookup.notFound': 'Kein Gutschein hat diesen Code. Prüfen Sie jedes Zeichen auf Ihrem Brief.',
  'lookup.throttled':
    'Von dieser Verbindung wurden zu viele unbekannte Codes versucht: Zum Schutz der Gutscheine ist die Suche gesperrt. Versuchen Sie es in {minutes} Min. erneut.',
  'lookup.network':
    'Keine Verbindung zum Dienst. Prüfen Sie das Netz (WLAN oder mobile Daten) und versuchen Sie es erneut.',
  'lookup.error': 'Der Dienst ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',

  'voucher.title': 'Ihr Gutschein',
  'voucher.code': 'Gutschein mit der Endung {end}',
  'voucher.balance': 'Verfügbares Guthaben',
  'voucher.faceValue': 'Anfangsbetrag',
  'voucher.validUntil': 'Gültig bis',
  'voucher.status': 'Status',
  'status.ACTIVE': 'Aktiv: in den Partnergeschäften einlösbar.',
  'status.USED_UP': 'Aufgebraucht: Der ganze Betrag wurde ausgegeben.',
  'status.EXPIRED': 'Abgelaufen: Die Zeit zum Einlösen ist vorbei.',
  'status.VOIDED': 'Storniert: Dieser Gutschein kann nicht mehr benutzt werden. Wenden Sie sich an die Gemeinde.',
  'status.NOT_YET_VALID': 'Noch nicht einlösbar: ab dem {date}.',
  'voucher.other': 'Einen anderen Gutschein prüfen',

  'shops.title': 'Wo kann ich ihn einlösen?',
  'shops.intro': 'Ihr Gutschein wird in diesen Partnergeschäften der Gemeinde angenommen.',
  'shops.filter.label': 'Art des Geschäfts',
  'shops.filter.all': 'Alle Geschäfte',
  'shops.loading': 'Geschäfte werden geladen…',
  'shops.count': '{count} Partnergeschäfte',
  'shops.empty': 'Vorläufig kein Geschäft dieser Art.',
  'shops.error':
    'Die Liste der Geschäfte ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',

  'lost.title': 'Brief verloren?',
  'lost.text':
    'Wenden Sie sich mit Ihrem Personalausweis an die Gemeindeverwaltung (Dienst Einkaufsgutscheine). Der verlorene Gutschein wird storniert und Sie erhalten einen neuen Brief mit dem restlichen Guthaben.',
  'lost.care': 'Bewahren Sie den Brief wie Bargeld auf: Wer den Code hat, kann den Gutschein ausgeben.',

  ...categoriesDe,
};
