/** The /demande/ page's texts in German (same keys as ./fr.ts; the type makes a missing one a compile error). */
import type { DemandeCatalogue } from './fr.ts';

export const de: DemandeCatalogue = {
  'app.title': 'Einen Einkaufsgutschein beantragen (Studierende, 19 bis 21 Jahre)',
  'app.name': 'Einkaufsgutschein',
  'form.title': 'Meinen Einkaufsgutschein beantragen',
  'form.intro':
    'Sie sind {minAge} bis {maxAge} Jahre alt und in Ausbildung? Beantragen Sie hier Ihren Einkaufsgutschein über {amount}, einzulösen in den Geschäften der Gemeinde.',
  'form.loading': 'Wird geladen…',
  'form.closed': 'Anträge sind derzeit nicht möglich.',
  'form.unavailable': 'Der Dienst ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
  'form.required': 'Alle Felder sind Pflichtfelder.',
  'campaign.label': 'Kampagne',

  'person.legend': 'Zu Ihrer Person',
  'nn.label': 'Nationalregisternummer',
  'nn.hint':
    '11 Ziffern, auf der Rückseite Ihres Personalausweises: JJ.MM.TT-LLL.PP. Die ersten sechs sind Ihr Geburtsdatum; die letzten zwei werden aus den neun anderen berechnet, so fällt jeder Tippfehler auf.',
  'nn.progress': '{count} von 11 Ziffern.',
  'nn.ok': 'Gültige Nummer: Die Prüfziffern stimmen.',
  'nn.NATIONAL_NUMBER_MISSING': 'Geben Sie Ihre Nationalregisternummer ein.',
  'nn.NATIONAL_NUMBER_FORMAT':
    'Die Nummer hat 11 Ziffern, Sie haben {digits} eingegeben: Prüfen Sie Ihren Personalausweis.',
  'nn.NATIONAL_NUMBER_CHECK_DIGITS':
    'Die letzten zwei Ziffern passen nicht zu den ersten neun: Es gibt einen Tippfehler. Prüfen Sie Ihren Personalausweis.',
  'nn.NATIONAL_NUMBER_DATE': 'Die ersten sechs Ziffern ergeben kein Geburtsdatum (JJMMTT): Prüfen Sie sie.',
  'nn.NATIONAL_NUMBER_SEQUENCE': 'Keine Nummer hat {sequence} an 7. bis 9. Stelle: Prüfen Sie sie.',
  'birth.label': 'Geburtsdatum',
  'birth.missing': 'Geben Sie Ihr Geburtsdatum an.',
  'birth.mismatch': 'Dieses Datum passt nicht zu Ihrer Nationalregisternummer: Prüfen Sie beide.',
  'postcode.label': 'Postleitzahl Ihres Wohnsitzes',
  'postcode.hint': 'Die der Adresse, unter der Sie im Bevölkerungsregister eingetragen sind.',
  'postcode.invalid': 'Eine belgische Postleitzahl hat 4 Ziffern.',
  'email.label': 'E-Mail-Adresse',
  'email.hint': 'Dorthin senden wir die Eingangsbestätigung und danach die Entscheidung.',
  'email.invalid': 'Prüfen Sie die E-Mail-Adresse: Sie sieht aus wie name@beispiel.be.',

  'proof.legend': 'Schulbescheinigung',
  'proof.hint':
    'Ein scharfes Foto oder ein PDF der Bescheinigung Ihrer Schule: PDF, JPEG oder PNG, höchstens {maxSize}.',
  'proof.year': 'Sie muss das Schuljahr {schoolYear} betreffen.',
  'proof.camera': 'Ein Foto der Bescheinigung machen',
  'proof.file': 'Oder eine Datei wählen (PDF oder Foto)',
  'proof.chosen': 'Gewählte Datei: {name} ({size}).',
  'proof.missing': 'Fügen Sie Ihre Bescheinigung bei: ein Foto oder ein PDF.',
  'proof.type': 'Diese Dateiart wird nicht angenommen: Senden Sie ein PDF oder ein JPEG- oder PNG-Foto.',
  'proof.tooLarge':
    'Diese Datei hat {size}, höchstens {maxSize} sind erlaubt: Machen Sie das Foto neu oder senden Sie ein PDF.',
  'proof.empty': 'Diese Datei ist leer: Wählen Sie eine andere.',

  'consent.legend': 'Ihre Daten',
  'consent.text':
    'Die Gemeinde verwendet diese Daten nur, um Ihren Anspruch auf den Einkaufsgutschein im Bevölkerungsregister zu prüfen und Ihnen zu antworten. Sie werden am Ende der Kampagne gelöscht.',
  'consent.label': 'Ich bin einverstanden, dass die Gemeinde diese Daten für meinen Antrag verarbeitet.',
  'consent.missing':
    'Kreuzen Sie das Kästchen an, um der Verarbeitung Ihrer Daten zuzustimmen: Ohne diese Zustimmung kann der Antrag nicht gesendet werden.',

  submit: 'Meinen Antrag senden',

  'sending.title': 'Ihr Antrag wird gesendet',
  'sending.filing': 'Der Antrag wird erfasst…',
  'sending.upload': 'Die Bescheinigung wird gesendet: {percent} %',
  'sending.submitting': 'Letzter Schritt…',
  'sending.progress': 'Fortschritt beim Senden der Bescheinigung',
  'sending.retry': 'Erneut versuchen',
  'sending.back': 'Zurück zum Formular',

  'error.NETWORK':
    'Keine Verbindung zum Dienst. Prüfen Sie das Netz (WLAN oder mobile Daten) und versuchen Sie es erneut.',
  'error.TOO_MANY_ATTEMPTS':
    'Von dieser Verbindung wurden zu viele Anträge gesendet. Versuchen Sie es in {minutes} Min. erneut.',
  'error.APPLICATIONS_CLOSED': 'Die Anträge für diese Kampagne sind geschlossen.',
  'error.PROOF_INVALID': 'Die empfangene Datei ist kein lesbares PDF, JPEG oder PNG: Wählen Sie eine andere.',
  'error.UPLOAD': 'Das Senden der Bescheinigung ist fehlgeschlagen. Prüfen Sie das Netz und versuchen Sie es erneut.',
  'error.FIELDS': 'Korrigieren Sie die markierten Felder und senden Sie erneut.',
  'error.OTHER': 'Der Dienst ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',

  'receipt.title': 'Antrag gesendet',
  'receipt.reference': 'Ihr Aktenzeichen',
  'receipt.email': 'Wir antworten Ihnen per E-Mail. Eine Eingangsbestätigung geht soeben an die angegebene Adresse.',
  'receipt.next':
    'Die Gemeinde prüft Ihren Antrag und Ihre Bescheinigung. Wird er angenommen, geht der Brief mit Ihrem Einkaufsgutschein an Ihre Wohnadresse.',
  'receipt.keep':
    'Bewahren Sie dieses Aktenzeichen auf: Sie werden danach gefragt, wenn Sie sich an die Gemeinde wenden.',
};
