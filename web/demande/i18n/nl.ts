/** The /demande/ page's texts in Dutch (same keys as ./fr.ts; the type makes a missing one a compile error). */
import type { DemandeCatalogue } from './fr.ts';

export const nl: DemandeCatalogue = {
  'app.title': 'Een waardebon aanvragen (studenten, 19 tot 21 jaar)',
  'app.name': 'Waardebon lokale handel',
  'form.title': 'Mijn waardebon aanvragen',
  'form.intro':
    'Bent u {minAge} tot {maxAge} jaar en studeert u? Vraag hier uw waardebon van {amount} aan, te besteden in de winkels van de gemeente.',
  'form.loading': 'Bezig met laden…',
  'form.closed': 'Aanvragen zijn op dit moment niet mogelijk.',
  'form.unavailable': 'De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',
  'form.required': 'Alle velden zijn verplicht.',
  'campaign.label': 'Campagne',

  'person.legend': 'Uzelf',
  'nn.label': 'Rijksregisternummer',
  'nn.hint':
    '11 cijfers, op de achterkant van uw identiteitskaart: JJ.MM.DD-VVV.CC. De eerste zes zijn uw geboortedatum; de laatste twee worden berekend uit de negen andere, zodat elke tikfout opvalt.',
  'nn.progress': '{count} van de 11 cijfers.',
  'nn.ok': 'Geldig nummer: de controlecijfers kloppen.',
  'nn.NATIONAL_NUMBER_MISSING': 'Typ uw rijksregisternummer.',
  'nn.NATIONAL_NUMBER_FORMAT': 'Het nummer telt 11 cijfers, u typte er {digits}: controleer op uw identiteitskaart.',
  'nn.NATIONAL_NUMBER_CHECK_DIGITS':
    'De laatste twee cijfers passen niet bij de eerste negen: er zit een tikfout in. Controleer op uw identiteitskaart.',
  'nn.NATIONAL_NUMBER_DATE': 'De eerste zes cijfers vormen geen geboortedatum (JJMMDD): controleer ze.',
  'nn.NATIONAL_NUMBER_SEQUENCE': 'Geen enkel nummer heeft {sequence} op de 7e tot 9e plaats: controleer het.',
  'birth.label': 'Geboortedatum',
  'birth.missing': 'Vul uw geboortedatum in.',
  'birth.mismatch': 'Deze datum past niet bij uw rijksregisternummer: controleer ze allebei.',
  'postcode.label': 'Postcode van uw woonplaats',
  'postcode.hint': 'Die van het adres waar u in het bevolkingsregister ingeschreven bent.',
  'postcode.invalid': 'Een Belgische postcode telt 4 cijfers.',
  'email.label': 'E-mailadres',
  'email.hint': 'Daarheen sturen we het ontvangstbewijs en daarna de beslissing.',
  'email.invalid': 'Controleer het e-mailadres: het ziet eruit als naam@voorbeeld.be.',

  'proof.legend': 'Inschrijvingsattest van de school',
  'proof.hint': 'Een scherpe foto of een pdf van het attest van uw school: pdf, JPEG of PNG, hoogstens {maxSize}.',
  'proof.year': 'Het moet over het schooljaar {schoolYear} gaan.',
  'proof.camera': 'Een foto van het attest nemen',
  'proof.file': 'Of een bestand kiezen (pdf of foto)',
  'proof.chosen': 'Gekozen bestand: {name} ({size}).',
  'proof.missing': 'Voeg uw attest toe: een foto of een pdf.',
  'proof.type': 'Dit soort bestand wordt niet aanvaard: stuur een pdf of een JPEG- of PNG-foto.',
  'proof.tooLarge': 'Dit bestand is {size}, het maximum is {maxSize}: neem de foto opnieuw of stuur een pdf.',
  'proof.empty': 'Dit bestand is leeg: kies een ander.',

  'consent.legend': 'Uw gegevens',
  'consent.text':
    'De gemeente gebruikt deze gegevens alleen om uw recht op de waardebon in het bevolkingsregister na te gaan en om u te antwoorden. Ze worden gewist aan het einde van de campagne.',
  'consent.label': 'Ik ga ermee akkoord dat de gemeente deze gegevens voor mijn aanvraag verwerkt.',
  'consent.missing':
    'Vink het vakje aan om de verwerking van uw gegevens te aanvaarden: zonder dat akkoord kan de aanvraag niet verstuurd worden.',

  submit: 'Mijn aanvraag versturen',

  'sending.title': 'Uw aanvraag wordt verstuurd',
  'sending.filing': 'De aanvraag wordt geregistreerd…',
  'sending.upload': 'Het attest wordt verstuurd: {percent} %',
  'sending.submitting': 'Laatste stap…',
  'sending.progress': 'Voortgang van het versturen van het attest',
  'sending.retry': 'Opnieuw proberen',
  'sending.back': 'Terug naar het formulier',

  'error.NETWORK': 'Geen verbinding met de dienst. Controleer het netwerk (wifi of mobiele data) en probeer opnieuw.',
  'error.TOO_MANY_ATTEMPTS':
    'Vanaf deze verbinding werden te veel aanvragen verstuurd. Probeer opnieuw over {minutes} min.',
  'error.APPLICATIONS_CLOSED': 'De aanvragen voor deze campagne zijn afgesloten.',
  'error.PROOF_INVALID': 'Het ontvangen bestand is geen leesbare pdf, JPEG of PNG: kies een ander.',
  'error.UPLOAD': 'Het versturen van het attest is mislukt. Controleer het netwerk en probeer opnieuw.',
  'error.FIELDS': 'Verbeter de aangeduide velden en verstuur opnieuw.',
  'error.OTHER': 'De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.',

  'receipt.title': 'Aanvraag verstuurd',
  'receipt.reference': 'Uw referentie',
  'receipt.email': 'We antwoorden u per e-mail. Er gaat nu een ontvangstbewijs naar het opgegeven adres.',
  'receipt.next':
    'De gemeente controleert uw aanvraag en uw attest. Wordt ze aanvaard, dan wordt de brief met uw waardebon naar uw woonadres gestuurd.',
  'receipt.keep': 'Bewaar deze referentie: ze wordt u gevraagd als u contact opneemt met de gemeente.',
};
