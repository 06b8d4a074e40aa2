/** The settlement documents and e-mails in French (Belgium). */
import type { SettlementTexts } from './texts.ts';

// French puts 0 and 1 in the singular.
const count = (value: number, one: string, many: string): string => `${value} ${value > 1 ? many : one}`;

/** For subjects: `à payer dans 3 jours`, `à payer demain`, `en retard de 2 jours`. */
function due(daysLeft: number): string {
  if (daysLeft < 0) return `en retard de ${count(-daysLeft, 'jour', 'jours')}`;
  if (daysLeft === 0) return "à payer aujourd'hui";
  if (daysLeft === 1) return 'à payer demain';
  return `à payer dans ${daysLeft} jours`;
}

/** `L'échéance est le 30/11/2026, dans 3 jours.`, or how late it is. */
function deadlineSentence(deadline: string, daysLeft: number): string {
  if (daysLeft < 0) return `L'échéance du ${deadline} est dépassée de ${count(-daysLeft, 'jour', 'jours')}.`;
  if (daysLeft === 0) return `L'échéance est aujourd'hui, le ${deadline}.`;
  if (daysLeft === 1) return `L'échéance est demain, le ${deadline}.`;
  return `L'échéance est le ${deadline}, dans ${daysLeft} jours.`;
}

export const FRENCH_SETTLEMENT_TEXTS: SettlementTexts = {
  locale: 'fr-BE',
  dateTime: (date, time) => `${date} à ${time}`,
  purchases: (value) => count(value, 'achat', 'achats'),
  shops: (value) => count(value, 'commerce', 'commerces'),
  waitingReason: {
    NO_IBAN: "pas d'IBAN connu : ses achats attendent le prochain lot",
  },

  statementColumns: {
    shop: 'Commerce',
    shopId: 'Identifiant du commerce',
    date: 'Date',
    time: 'Heure',
    amount: 'Montant (EUR)',
    voucherReference: 'Référence du chèque',
    purchaseReference: "Référence de l'achat",
    settlementId: 'Référence du remboursement',
  },

  summary: {
    documentTitle: 'Remboursement des commerces',
    title: (townName) => `Remboursement des commerces – ${townName}`,
    run: (runId) => `Lot ${runId}`,
    cutoff: 'Achats enregistrés avant le',
    createdAt: 'Établi le',
    payoutDeadline: (date) => `À payer au plus tard le ${date}`,
    shopsPaid: 'Commerces à payer',
    purchases: 'Achats',
    totalAmount: 'Montant total',
    transfersHeading: 'Virements',
    continued: '(suite)',
    columns: {
      shop: 'Commerce',
      iban: 'IBAN',
      communication: 'Communication',
      purchases: 'Achats',
      amount: 'Montant',
    },
    total: 'Total',
    noTransfers: 'Aucun virement dans ce lot.',
    waitingHeading: 'Commerces en attente',
    waitingIntro:
      "Ces commerces n'ont pas encore communiqué d'IBAN : leurs achats ne sont pas payés dans ce lot et attendent le prochain.",
    noWaiting: 'Aucun commerce en attente.',
    waitingTotal: 'Total en attente',
    page: (page, pages) => `Page ${page}/${pages}`,
  },

  mail: {
    greeting: 'Bonjour,',
    signature: (townName) => `${townName} – chèques commerces`,
    financeReport: {
      subject: (runId, amount, deadline) =>
        `Remboursement des commerces : lot ${runId}, ${amount} à payer au plus tard le ${deadline}`,
      intro: (townName, runId, cutoff) =>
        `${townName} : le lot de remboursement ${runId} est prêt. Il couvre les achats enregistrés avant le ${cutoff}.`,
      totals: (shops, purchases, amount) => `${shops} à payer, ${purchases}, ${amount} au total.`,
      deadline: (date) => `À payer au plus tard le ${date}.`,
      waitingHeading: 'Commerces en attente',
      waitingLine: (shop, amount, purchases, reason) => `${shop} : ${amount} (${purchases}), ${reason}.`,
      attachments:
        'En pièces jointes : le fichier de paiement SEPA (pain.001, à envoyer à la banque), le relevé CSV (un achat par ligne) et le résumé PDF.',
      todo: "À faire : envoyer le fichier de paiement à la banque, puis confirmer le paiement dans l'application.",
      confirmLink: "Confirmer le paiement dans l'application",
    },
    remittanceAdvice: {
      subject: (townName, amount) => `${townName} : remboursement de ${amount} pour vos chèques commerces`,
      greeting: (shopName) => `Bonjour ${shopName},`,
      intro: (townName, amount, purchases) =>
        `${townName} vous rembourse ${amount} pour ${purchases} payés avec des chèques commerces.`,
      transfer: (maskedIban, communication) =>
        `Le virement est fait sur votre compte ${maskedIban}, avec la communication structurée ${communication}.`,
      window: (from, to) => `Le montant sera sur votre compte entre le ${from} et le ${to}.`,
      linesHeading: 'Détail des achats',
      lineColumns: {
        date: 'Date',
        time: 'Heure',
        amount: 'Montant',
        purchaseReference: "Référence de l'achat",
      },
      seeAttachedCsv: (purchases) => `Le détail des ${purchases} se trouve dans le fichier CSV joint.`,
    },
    approvalReminder: {
      subject: (runId, daysLeft, deadline) => `Rappel : lot ${runId} ${due(daysLeft)} (échéance le ${deadline})`,
      body: (runId, amount, shops, deadline, daysLeft) =>
        `Le paiement du lot ${runId} (${amount}, ${shops}) n'est pas encore confirmé. ${deadlineSentence(deadline, daysLeft)}`,
    },
    approvalEscalation: {
      subject: (runId, deadline) => `URGENT : lot ${runId} non payé, échéance le ${deadline}`,
      body: (runId, amount, shops, deadline, daysLeft) =>
        `Le service des finances n'a pas encore confirmé le paiement du lot ${runId} (${amount}, ${shops}). ${deadlineSentence(deadline, daysLeft)}`,
      promise: (payoutDays) =>
        `La ville s'est engagée à payer chaque achat dans les ${payoutDays} jours : veillez à ce que le fichier parte à la banque aujourd'hui.`,
    },
    stepsHeading: 'À faire',
    steps: [
      'Envoyer le fichier de paiement (pain.001) à la banque.',
      "Confirmer ensuite le paiement dans l'application.",
    ],
  },
};
