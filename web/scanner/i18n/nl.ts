/** The scanner's texts in Belgian Dutch, for the shopkeeper: the same keys and {placeholders} as fr.ts. */
import type { ScannerCatalogue } from './fr.ts';

export const nl: ScannerCatalogue = {
  'app.title': 'Handelscheque: een bon aanvaarden',
  'app.name': 'Handelscheque',
  'app.loading': 'Laden…',
  'nav.label': 'Account van de zaak',
  'nav.today': 'Betalingen van vandaag',
  'nav.signOut': 'Afmelden',

  'signin.title': 'Aanmelden van de zaak',
  'signin.intro': 'Meld u aan met de gebruikersnaam van uw zaak. Deze telefoon blijft de hele dag aangemeld.',
  'signin.username': 'Gebruikersnaam',
  'signin.password': 'Wachtwoord',
  'signin.submit': 'Aanmelden',
  'signin.pending': 'Bezig met aanmelden…',
  'signin.missing': 'Vul de gebruikersnaam en het wachtwoord van uw zaak in.',
  'signin.expired': 'Uw sessie is verlopen: meld u opnieuw aan om verder te gaan.',
  'signin.signedOut': 'U bent afgemeld.',
  'signin.notMerchant':
    'Dit account is niet dat van een partnerhandelaar. Meld u aan met de gebruikersnaam van uw zaak.',
  'signin.error.INVALID_CREDENTIALS': 'Gebruikersnaam of wachtwoord onjuist. Controleer ze en probeer opnieuw.',
  'signin.error.NEW_PASSWORD_REQUIRED':
    'Dit account moet een nieuw wachtwoord krijgen: neem contact op met de gemeente.',
  'signin.error.TOO_MANY_REQUESTS': 'Te veel aanmeldpogingen. Wacht enkele minuten voor u het opnieuw probeert.',
  'signin.error.NETWORK':
    'Geen verbinding met de dienst. Controleer het netwerk (wifi of mobiele data) en probeer opnieuw.',
  'signin.error.UNAVAILABLE':
    'De aanmelddienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',

  'scan.title': 'Een bon scannen',
  'scan.video': 'Camerabeeld',
  'scan.camera.starting': 'Camera wordt geopend…',
  'scan.camera.ready': 'Houd de QR-code van de bon in het kader.',
  'scan.camera.unavailable':
    'Camera niet beschikbaar (geen camera, of geen toestemming): typ hieronder de code van de bon.',
  'scan.camera.notVoucher': 'Deze QR-code hoort niet bij een handelscheque.',
  'scan.torch': 'Lamp',
  'scan.checking': 'Bon wordt gecontroleerd…',
  'scan.manual.title': 'Of typ de code',
  'scan.code.label': 'Code van de bon',
  'scan.code.hint': '17 tekens, gedrukt onder de QR-code: XXXX-XXXX-XXXX-XXXX-X (streepjes mag u weglaten).',
  'scan.code.submit': 'Controleren',
  'code.EMPTY': 'Typ de code die onder de QR-code op de brief staat.',
  'code.WRONG_LENGTH': 'De code telt 17 tekens, u hebt er {count} getypt: kijk na of er geen ontbreekt of te veel is.',
  'code.INVALID_CHARACTER': 'De code bevat alleen cijfers en letters (nooit een U): controleer elk teken.',
  'code.CHECK_FAILED': 'Deze code bevat een tikfout: controleer elk teken en typ hem opnieuw.',

  'voucher.title': 'Saldo van de bon',
  'voucher.code': 'Bon eindigend op {end}',
  'voucher.validUntil': 'geldig tot en met {date}',
  'voucher.status.EXPIRED': 'Deze bon is vervallen op {date}: hij kan niet meer worden aanvaard.',
  'voucher.status.VOIDED':
    'Deze bon is geannuleerd en vervangen: hij kan niet meer worden gebruikt. De houder kan contact opnemen met de gemeente.',
  'voucher.status.NOT_YET_VALID': 'Deze bon kan nog niet worden gebruikt: dat kan vanaf {date}.',
  'voucher.empty': 'Deze bon is volledig opgebruikt: er staat niets meer op.',
  'voucher.amount.label': 'Bedrag',
  'voucher.amount.hint': 'Bedrag van de aankoop in euro, bijvoorbeeld 12,50 (hoogstens {balance}).',
  'voucher.amount.submit': 'Afrekenen',
  'voucher.newScan': 'Nieuwe scan',
  'amount.empty': 'Typ het bedrag van de aankoop, bijvoorbeeld 12,50.',
  'amount.invalid': 'Bedrag niet herkend: typ euro en cent, bijvoorbeeld 12,50.',
  'amount.zero': 'Het bedrag moet hoger zijn dan € 0,00.',
  'amount.tooMuch': 'Het bedrag is hoger dan het saldo van de bon ({balance}): reken hoogstens {balance} af.',

  'confirm.title': 'Betaling bevestigen',
  'confirm.amount': 'Af te rekenen bedrag',
  'confirm.after': 'Saldo van de bon na de betaling',
  'confirm.submit': 'Bevestigen',
  'confirm.back': 'Bedrag wijzigen',
  'confirm.pending': 'Betaling wordt verwerkt…',
  'confirm.retrying':
    'Geen antwoord van de dienst: nieuwe poging ({attempt}). Het bedrag wordt maar één keer van de bon afgetrokken.',
  'confirm.giveUp': 'Stoppen',
  'confirm.abandoned':
    'Betaling onderbroken zonder antwoord: misschien is ze toch geregistreerd. Probeer opnieuw (de bon wordt nooit twee keer belast) of bekijk de betalingen van vandaag.',
  'confirm.retry': 'Opnieuw proberen',
  'confirm.newScan': 'Nieuwe scan',

  'receipt.title': 'Betaling geslaagd',
  'receipt.amount': 'Afgerekend bedrag',
  'receipt.balance': 'Resterend saldo op de bon',
  'receipt.time': 'Tijdstip',
  'receipt.reference': 'Referentie',
  'receipt.newScan': 'Nieuwe scan',
  'receipt.reverse': 'Deze betaling annuleren',
  'receipt.reverse.question': 'De betaling van {amount} annuleren en terugzetten op de bon?',
  'receipt.reverse.yes': 'Ja, betaling annuleren',
  'receipt.reverse.no': 'Nee, behouden',
  'receipt.reverse.pending': 'Bezig met annuleren…',
  'receipt.reversed': 'Betaling geannuleerd: {amount} teruggezet op de bon. Saldo van de bon: {balance}.',

  'today.title': 'Betalingen van vandaag',
  'today.total': 'Totaal vandaag: {total}',
  'today.count.zero': 'Vandaag nog geen betalingen.',
  'today.count.one': '1 betaling',
  'today.count.many': '{count} betalingen',
  'today.loading': 'Betalingen laden…',
  'today.reversed': 'geannuleerd',
  'today.back': 'Terug naar de scanner',

  'settlements.title': 'Uitbetalingen',
  'settlements.intro': 'De overschrijvingen van de gemeente voor de aanvaarde bonnen, de recentste eerst.',
  'settlements.refresh': 'Vernieuwen',
  'settlements.refresh.label': 'Uitbetalingen vernieuwen',
  'settlements.loading': 'Uitbetalingen laden…',
  // A non-breaking space keeps "10 dagen" together on a narrow phone.
  'settlements.empty': 'Nog geen uitbetalingen: aankopen worden binnen 10\u00a0dagen terugbetaald.',
  'settlements.count.one': '1 uitbetaling',
  'settlements.count.many': '{count} uitbetalingen',
  'settlements.paid': 'Betaald op {date}',
  'settlements.pending': 'Wordt betaald',
  'settlements.pending.since': 'sinds {date}',
  'settlements.reference': 'Gestructureerde mededeling',
  'settlements.reference.none': 'nog niet toegekend',
  'settlements.purchases': 'Terugbetaalde aankopen',
  'settlements.copy': 'Kopiëren',
  'settlements.copy.label': 'Mededeling {reference} kopiëren',
  'settlements.copied': 'Mededeling gekopieerd.',
  'settlements.copy.failed': 'Mededeling geselecteerd: kopieer ze via het menu van de telefoon.',

  'error.TOO_MANY_ATTEMPTS':
    'Te veel onbekende codes geprobeerd vanuit deze zaak: controles zijn geblokkeerd tot {time} (ongeveer {minutes} min). Probeer het dan opnieuw.',
  'error.INSUFFICIENT_BALANCE':
    'Het saldo van de bon volstaat niet: er staat nog {balance} op. Reken hoogstens {balance} af.',
  'error.INSUFFICIENT_BALANCE.noBalance': 'Het saldo van de bon volstaat niet voor dit bedrag: reken minder af.',
  'error.VOUCHER_EXPIRED': 'Deze bon is vervallen op {date}: hij kan niet meer worden aanvaard.',
  'error.VOUCHER_EXPIRED.noDate': 'Deze bon is vervallen: hij kan niet meer worden aanvaard.',
  'error.CAMPAIGN_NOT_OPEN': 'Deze bon kan nog niet worden gebruikt: dat kan vanaf {date}.',
  'error.CAMPAIGN_NOT_OPEN.noDate': 'Deze bon kan nog niet worden gebruikt: de actie is nog niet begonnen.',
  'error.VOUCHER_NOT_FOUND':
    'Geen enkele bon heeft deze code. Controleer hem en probeer opnieuw; na 20 onbekende codes worden de controles een tijdje geblokkeerd.',
  'error.VOUCHER_VOIDED':
    'Deze bon is geannuleerd en vervangen: hij kan niet meer worden gebruikt. De houder kan contact opnemen met de gemeente.',
  'error.MERCHANT_INACTIVE':
    'Uw zaak kan deze bonnen niet (meer) aanvaarden. Neem contact op met de gemeente om uw inschrijving na te kijken.',
  'error.AMOUNT_INVALID': 'Bedrag geweigerd: het moet hoger zijn dan € 0,00, in euro en cent (bijvoorbeeld 12,50).',
  'error.IDEMPOTENCY_KEY_REUSED': 'Deze aanvraag werd al gebruikt voor een ander bedrag: begin de betaling opnieuw.',
  'error.REVERSAL_WINDOW_CLOSED':
    'De termijn om deze betaling te annuleren is verstreken. Neem contact op met de gemeente om ze recht te zetten.',
  'error.ALREADY_SETTLED':
    'Deze betaling is al aan uw zaak terugbetaald: ze kan niet meer worden geannuleerd. Neem contact op met de gemeente.',
  'error.ALREADY_REVERSED': 'Deze betaling is al geannuleerd: het bedrag staat weer op de bon.',
  'error.NOT_FOUND': 'Deze betaling is niet gevonden voor uw zaak.',
  'error.CONFLICT': 'De bon wordt op hetzelfde moment aan een andere kassa gebruikt. Probeer het zo meteen opnieuw.',
  'error.UNAUTHENTICATED': 'Uw sessie is verlopen: meld u opnieuw aan om verder te gaan.',
  'error.FORBIDDEN': 'Dit account is niet dat van een partnerhandelaar. Meld u aan met de gebruikersnaam van uw zaak.',
  'error.INVALID_CREDENTIALS': 'Gebruikersnaam of wachtwoord onjuist. Controleer ze en probeer opnieuw.',
  'error.request':
    'De dienst begreep de aanvraag niet. Laad de pagina opnieuw en probeer nog eens; blijft het probleem, neem dan contact op met de gemeente.',
  'error.INTERNAL': 'De dienst ondervond een probleem. Probeer het zo meteen opnieuw.',
  'error.NETWORK': 'Geen verbinding met de dienst. Controleer het netwerk (wifi of mobiele data) en probeer opnieuw.',
};
