/** The mails to applicants in German (German-speaking Community of Belgium): formal "Sie". */
import type { ApplicantMailTexts } from './texts.ts';

export const deApplicantMails: ApplicantMailTexts = {
  language: 'de',
  locale: 'de-BE',
  greeting: 'Sehr geehrte Damen und Herren,',
  signature: 'Die Gemeindeverwaltung',
  referenceLabel: 'Zeichen des Antrags:',
  receipt: {
    subject: (w) => `Antrag auf einen Einkaufsgutschein eingegangen (${w.reference})`,
    received: (w) =>
      `Ihr Antrag auf einen Einkaufsgutschein für „${w.campaign}“ ist am ${w.date} mit Ihrem Nachweis bei uns eingegangen.`,
    next: 'Die Gemeinde prüft jeden Antrag anhand des Bevölkerungsregisters und des eingereichten Nachweises. Wir antworten Ihnen per E-Mail an diese Adresse: Sie müssen nichts weiter tun.',
    notYou:
      'Sie haben diesen Antrag nicht gestellt? Bitte benachrichtigen Sie die Gemeindeverwaltung unter Angabe des obigen Zeichens.',
  },
  approved: {
    subject: (w) => `Ihr Antrag auf einen Einkaufsgutschein wurde bewilligt (${w.reference})`,
    decision: (w) => `Gute Nachricht: Ihr Antrag auf einen Einkaufsgutschein für „${w.campaign}“ wurde bewilligt.`,
    letter:
      'Der Brief mit Ihrem Gutschein (Code und QR-Code) ist auf dem Weg an Ihre Adresse im Bevölkerungsregister. Er kommt in den nächsten Tagen mit der Post.',
    use: 'Der Brief erklärt, wo und wie Sie den Gutschein einlösen. Bewahren Sie ihn wie Bargeld auf.',
  },
  rejected: {
    subject: (w) => `Ihr Antrag auf einen Einkaufsgutschein wurde nicht bewilligt (${w.reference})`,
    decision: (w) => `Ihr Antrag auf einen Einkaufsgutschein für „${w.campaign}“ konnte nicht bewilligt werden.`,
    reasonLabel: 'Grund:',
    again:
      'Sie können einen neuen Antrag mit einem gültigen Nachweis stellen. Bei Fragen wenden Sie sich bitte unter Angabe des obigen Zeichens an die Gemeindeverwaltung.',
  },
};
