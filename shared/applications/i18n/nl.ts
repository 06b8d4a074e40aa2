/** The mails to applicants in Dutch (Belgium): formal "u". */
import type { ApplicantMailTexts } from './texts.ts';

export const nlApplicantMails: ApplicantMailTexts = {
  language: 'nl',
  locale: 'nl-BE',
  greeting: 'Geachte mevrouw, geachte heer,',
  signature: 'Het gemeentebestuur',
  referenceLabel: 'Referentie van de aanvraag:',
  receipt: {
    subject: (w) => `Aanvraag voor een waardebon ontvangen (${w.reference})`,
    received: (w) =>
      `Wij hebben op ${w.date} uw aanvraag voor een waardebon voor "${w.campaign}" goed ontvangen, met uw bewijsstuk.`,
    next: 'De gemeente controleert elke aanvraag aan de hand van het bevolkingsregister en het bewijsstuk. Wij antwoorden u per e-mail op dit adres: u hoeft verder niets te doen.',
    notYou:
      'Hebt u deze aanvraag niet ingediend? Verwittig dan het gemeentebestuur en vermeld de referentie hierboven.',
  },
  approved: {
    subject: (w) => `Uw aanvraag voor een waardebon is goedgekeurd (${w.reference})`,
    decision: (w) => `Goed nieuws: uw aanvraag voor een waardebon voor "${w.campaign}" is goedgekeurd.`,
    letter:
      'De brief met uw bon (de code en de QR-code) is onderweg naar uw adres in het bevolkingsregister. Hij komt de komende dagen met de post.',
    use: 'De brief legt uit waar en hoe u de bon kunt besteden. Bewaar hem zoals contant geld.',
  },
  rejected: {
    subject: (w) => `Uw aanvraag voor een waardebon is niet goedgekeurd (${w.reference})`,
    decision: (w) => `Uw aanvraag voor een waardebon voor "${w.campaign}" kon niet worden goedgekeurd.`,
    reasonLabel: 'Reden:',
    again:
      'U kunt een nieuwe aanvraag indienen met een geldig bewijsstuk. Hebt u vragen, neem dan contact op met het gemeentebestuur en vermeld de referentie hierboven.',
  },
};
