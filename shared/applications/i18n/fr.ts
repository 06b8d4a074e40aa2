/** The mails to applicants in French (Belgium): formal "vous", non-breaking space before « ? : ; ! ». */
import type { ApplicantMailTexts } from './texts.ts';

const NBSP = '\u00a0';

export const frApplicantMails: ApplicantMailTexts = {
  language: 'fr',
  locale: 'fr-BE',
  greeting: 'Madame, Monsieur,',
  signature: 'L’administration communale',
  referenceLabel: `Référence de la demande${NBSP}:`,
  receipt: {
    subject: (w) => `Demande de chèque commerce reçue (${w.reference})`,
    received: (w) =>
      `Nous avons bien reçu le ${w.date} votre demande de chèque commerce pour « ${w.campaign} », avec votre justificatif.`,
    next: `La commune vérifie chaque demande avec le registre de la population et le justificatif envoyé. Nous vous répondrons par e-mail à cette adresse${NBSP}: vous n’avez rien d’autre à faire.`,
    notYou: `Vous n’avez pas fait cette demande${NBSP}? Prévenez l’administration communale en indiquant la référence ci-dessus.`,
  },
  approved: {
    subject: (w) => `Votre demande de chèque commerce est acceptée (${w.reference})`,
    decision: (w) => `Bonne nouvelle${NBSP}: votre demande de chèque commerce pour « ${w.campaign} » est acceptée.`,
    letter:
      'Le courrier avec votre bon (son code et son QR code) est en route vers votre adresse au registre de la population. Il arrivera par la poste dans les prochains jours.',
    use: 'Le courrier explique où et comment dépenser le bon. Conservez-le comme de l’argent liquide.',
  },
  rejected: {
    subject: (w) => `Votre demande de chèque commerce n’a pas été acceptée (${w.reference})`,
    decision: (w) => `Votre demande de chèque commerce pour « ${w.campaign} » n’a pas pu être acceptée.`,
    reasonLabel: `Motif${NBSP}:`,
    again:
      'Vous pouvez introduire une nouvelle demande avec un justificatif valable. Pour toute question, contactez l’administration communale en indiquant la référence ci-dessus.',
  },
};
