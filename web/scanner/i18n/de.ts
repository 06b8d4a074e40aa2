/** The scanner's texts in German (East Belgium), for the shopkeeper: the same keys and {placeholders} as fr.ts. */
import type { ScannerCatalogue } from './fr.ts';

export const de: ScannerCatalogue = {
  'app.title': 'Einkaufsgutschein: Gutschein einlösen',
  'app.name': 'Einkaufsgutschein',
  'app.loading': 'Wird geladen…',
  'nav.label': 'Konto des Geschäfts',
  'nav.today': 'Einlösungen von heute',
  'nav.signOut': 'Abmelden',

  'signin.title': 'Anmeldung des Geschäfts',
  'signin.intro':
    'Melden Sie sich mit dem Benutzernamen Ihres Geschäfts an. Dieses Telefon bleibt den ganzen Tag angemeldet.',
  'signin.username': 'Benutzername',
  'signin.password': 'Passwort',
  'signin.submit': 'Anmelden',
  'signin.pending': 'Anmeldung läuft…',
  'signin.missing': 'Geben Sie den Benutzernamen und das Passwort Ihres Geschäfts ein.',
  'signin.expired': 'Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an, um fortzufahren.',
  'signin.signedOut': 'Sie sind abgemeldet.',
  'signin.notMerchant':
    'Dieses Konto gehört keinem Partnergeschäft. Melden Sie sich mit dem Benutzernamen Ihres Geschäfts an.',
  'signin.error.INVALID_CREDENTIALS':
    'Benutzername oder Passwort falsch. Bitte überprüfen Sie beides und versuchen Sie es erneut.',
  'signin.error.NEW_PASSWORD_REQUIRED':
    'Dieses Konto braucht ein neues Passwort: Wenden Sie sich bitte an die Gemeinde.',
  'signin.error.TOO_MANY_REQUESTS':
    'Zu viele Anmeldeversuche. Warten Sie einige Minuten, bevor Sie es erneut versuchen.',
  'signin.error.NETWORK':
    'Keine Verbindung zum Dienst. Prüfen Sie das Netz (WLAN oder mobile Daten) und versuchen Sie es erneut.',
  'signin.error.UNAVAILABLE':
    'Die Anmeldung ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',

  'scan.title': 'Gutschein scannen',
  'scan.video': 'Kamerabild',
  'scan.camera.starting': 'Kamera wird geöffnet…',
  'scan.camera.ready': 'Halten Sie den QR-Code des Gutscheins in den Rahmen.',
  'scan.camera.unavailable':
    'Kamera nicht verfügbar (keine Kamera oder Zugriff verweigert): Geben Sie den Code des Gutscheins unten ein.',
  'scan.camera.notVoucher': 'Dieser QR-Code gehört zu keinem Einkaufsgutschein.',
  'scan.torch': 'Licht',
  'scan.checking': 'Gutschein wird geprüft…',
  'scan.manual.title': 'Oder Code eingeben',
  'scan.code.label': 'Gutscheincode',
  'scan.code.hint': '17 Zeichen, unter dem QR-Code gedruckt: XXXX-XXXX-XXXX-XXXX-X (Bindestriche nicht nötig).',
  'scan.code.submit': 'Prüfen',
  'code.EMPTY': 'Geben Sie den Code ein, der im Brief unter dem QR-Code steht.',
  'code.WRONG_LENGTH':
    'Der Code hat 17 Zeichen, Sie haben {count} eingegeben: Prüfen Sie, ob eines fehlt oder zu viel ist.',
  'code.INVALID_CHARACTER': 'Der Code enthält nur Ziffern und Buchstaben (nie ein U): Prüfen Sie jedes Zeichen.',
  'code.CHECK_FAILED': 'In diesem Code steckt ein Tippfehler: Prüfen Sie jedes Zeichen und geben Sie ihn neu ein.',

  'voucher.title': 'Guthaben des Gutscheins',
  'voucher.code': 'Gutschein mit der Endung {end}',
  'voucher.validUntil': 'gültig bis einschließlich {date}',
  'voucher.status.EXPIRED': 'Dieser Gutschein ist am {date} abgelaufen: Er kann nicht mehr eingelöst werden.',
  'voucher.status.VOIDED':
    'Dieser Gutschein wurde storniert und ersetzt: Er kann nicht mehr verwendet werden. Der Inhaber kann sich an die Gemeinde wenden.',
  'voucher.status.NOT_YET_VALID': 'Dieser Gutschein ist noch nicht einlösbar: erst ab dem {date}.',
  'voucher.empty': 'Dieser Gutschein ist vollständig aufgebraucht: Es ist kein Guthaben mehr übrig.',
  'voucher.amount.label': 'Betrag',
  'voucher.amount.hint': 'Betrag des Einkaufs in Euro, zum Beispiel 12,50 (höchstens {balance}).',
  'voucher.amount.submit': 'Einlösen',
  'voucher.newScan': 'Neuer Scan',
  'amount.empty': 'Geben Sie den Betrag des Einkaufs ein, zum Beispiel 12,50.',
  'amount.invalid': 'Betrag nicht erkannt: Geben Sie Euro und Cent ein, zum Beispiel 12,50.',
  'amount.zero': 'Der Betrag muss größer als 0,00 € sein.',
  'amount.tooMuch': 'Der Betrag übersteigt das Guthaben des Gutscheins ({balance}): Lösen Sie höchstens {balance} ein.',

  'confirm.title': 'Einlösung bestätigen',
  'confirm.amount': 'Einzulösender Betrag',
  'confirm.after': 'Guthaben nach der Einlösung',
  'confirm.submit': 'Bestätigen',
  'confirm.back': 'Betrag ändern',
  'confirm.pending': 'Einlösung läuft…',
  'confirm.retrying':
    'Keine Antwort vom Dienst: neuer Versuch ({attempt}). Der Gutschein wird nur ein einziges Mal belastet.',
  'confirm.giveUp': 'Abbrechen',
  'confirm.abandoned':
    'Einlösung ohne Antwort unterbrochen: Sie wurde vielleicht trotzdem gebucht. Versuchen Sie es erneut (der Gutschein wird nie doppelt belastet) oder sehen Sie in den Einlösungen von heute nach.',
  'confirm.retry': 'Erneut versuchen',
  'confirm.newScan': 'Neuer Scan',

  'receipt.title': 'Einlösung erfolgt',
  'receipt.amount': 'Eingelöster Betrag',
  'receipt.balance': 'Restguthaben des Gutscheins',
  'receipt.time': 'Uhrzeit',
  'receipt.reference': 'Referenz',
  'receipt.newScan': 'Neuer Scan',
  'receipt.reverse': 'Diese Einlösung stornieren',
  'receipt.reverse.question': 'Die Einlösung über {amount} stornieren und dem Gutschein wieder gutschreiben?',
  'receipt.reverse.yes': 'Ja, Einlösung stornieren',
  'receipt.reverse.no': 'Nein, beibehalten',
  'receipt.reverse.pending': 'Stornierung läuft…',
  'receipt.reversed': 'Einlösung storniert: {amount} wieder gutgeschrieben. Guthaben des Gutscheins: {balance}.',

  'today.title': 'Einlösungen von heute',
  'today.total': 'Summe heute: {total}',
  'today.count.zero': 'Heute noch keine Einlösungen.',
  'today.count.one': '1 Einlösung',
  'today.count.many': '{count} Einlösungen',
  'today.loading': 'Einlösungen werden geladen…',
  'today.reversed': 'storniert',
  'today.back': 'Zurück zum Scanner',

  'settlements.title': 'Erstattungen',
  'settlements.intro': 'Die Überweisungen der Gemeinde für eingelöste Gutscheine, die neuesten zuerst.',
  'settlements.refresh': 'Aktualisieren',
  'settlements.refresh.label': 'Erstattungen aktualisieren',
  'settlements.loading': 'Erstattungen werden geladen…',
  // A non-breaking space keeps "10 Tagen" together on a narrow phone.
  'settlements.empty': 'Noch keine Erstattungen: Einkäufe werden innerhalb von 10\u00a0Tagen erstattet.',
  'settlements.count.one': '1 Erstattung',
  'settlements.count.many': '{count} Erstattungen',
  'settlements.paid': 'Überwiesen am {date}',
  'settlements.pending': 'Zahlung in Bearbeitung',
  'settlements.pending.since': 'seit dem {date}',
  'settlements.reference': 'Strukturierte Mitteilung',
  'settlements.reference.none': 'noch nicht vergeben',
  'settlements.purchases': 'Erstattete Einkäufe',
  'settlements.copy': 'Kopieren',
  'settlements.copy.label': 'Mitteilung {reference} kopieren',
  'settlements.copied': 'Mitteilung kopiert.',
  'settlements.copy.failed': 'Mitteilung markiert: Kopieren Sie sie über das Menü des Telefons.',

  'error.TOO_MANY_ATTEMPTS':
    'Zu viele unbekannte Codes von diesem Geschäft aus versucht: Prüfungen sind bis {time} Uhr gesperrt (etwa {minutes} Min.). Versuchen Sie es dann erneut.',
  'error.INSUFFICIENT_BALANCE':
    'Das Guthaben des Gutscheins reicht nicht: Es bleiben {balance}. Lösen Sie höchstens {balance} ein.',
  'error.INSUFFICIENT_BALANCE.noBalance':
    'Das Guthaben des Gutscheins reicht für diesen Betrag nicht: Lösen Sie weniger ein.',
  'error.VOUCHER_EXPIRED': 'Dieser Gutschein ist am {date} abgelaufen: Er kann nicht mehr eingelöst werden.',
  'error.VOUCHER_EXPIRED.noDate': 'Dieser Gutschein ist abgelaufen: Er kann nicht mehr eingelöst werden.',
  'error.CAMPAIGN_NOT_OPEN': 'Dieser Gutschein ist noch nicht einlösbar: erst ab dem {date}.',
  'error.CAMPAIGN_NOT_OPEN.noDate': 'Dieser Gutschein ist noch nicht einlösbar: Die Aktion hat noch nicht begonnen.',
  'error.VOUCHER_NOT_FOUND':
    'Kein Gutschein hat diesen Code. Prüfen Sie ihn und versuchen Sie es erneut; nach 20 unbekannten Codes werden die Prüfungen eine Weile gesperrt.',
  'error.VOUCHER_VOIDED':
    'Dieser Gutschein wurde storniert und ersetzt: Er kann nicht mehr verwendet werden. Der Inhaber kann sich an die Gemeinde wenden.',
  'error.MERCHANT_INACTIVE':
    'Ihr Geschäft kann diese Gutscheine nicht (mehr) annehmen. Wenden Sie sich an die Gemeinde, um Ihre Anmeldung zu prüfen.',
  'error.AMOUNT_INVALID': 'Betrag abgelehnt: Er muss größer als 0,00 € sein, in Euro und Cent (zum Beispiel 12,50).',
  'error.IDEMPOTENCY_KEY_REUSED':
    'Diese Anfrage wurde schon für einen anderen Betrag verwendet: Beginnen Sie die Einlösung neu.',
  'error.REVERSAL_WINDOW_CLOSED':
    'Die Frist zum Stornieren dieser Einlösung ist abgelaufen. Wenden Sie sich an die Gemeinde, um sie zu berichtigen.',
  'error.ALREADY_SETTLED':
    'Diese Einlösung wurde Ihrem Geschäft bereits erstattet: Sie kann nicht mehr storniert werden. Wenden Sie sich an die Gemeinde.',
  'error.ALREADY_REVERSED':
    'Diese Einlösung ist bereits storniert: Der Betrag wurde dem Gutschein wieder gutgeschrieben.',
  'error.NOT_FOUND': 'Diese Einlösung ist für Ihr Geschäft nicht zu finden.',
  'error.CONFLICT': 'Der Gutschein wird gerade an einer anderen Kasse verwendet. Versuchen Sie es gleich noch einmal.',
  'error.UNAUTHENTICATED': 'Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an, um fortzufahren.',
  'error.FORBIDDEN':
    'Dieses Konto gehört keinem Partnergeschäft. Melden Sie sich mit dem Benutzernamen Ihres Geschäfts an.',
  'error.INVALID_CREDENTIALS':
    'Benutzername oder Passwort falsch. Bitte überprüfen Sie beides und versuchen Sie es erneut.',
  'error.request':
    'Der Dienst hat die Anfrage nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut; wenn es so bleibt, wenden Sie sich an die Gemeinde.',
  'error.INTERNAL': 'Beim Dienst ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.',
  'error.NETWORK':
    'Keine Verbindung zum Dienst. Prüfen Sie das Netz (WLAN oder mobile Daten) und versuchen Sie es erneut.',
};
