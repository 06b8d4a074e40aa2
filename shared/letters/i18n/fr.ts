/** The letters in French (Belgium): formal "vous", French spacing before « ? : ; ! » (non-breaking). */
import { formatFrenchDate } from '../../time/calendar-date.ts';
import { joinList, type LetterTexts } from './texts.ts';

const NBSP = '\u00a0';
// A non-breaking hyphen keeps "Conservez‑le" on one line.

export const frTexts: LetterTexts = {
  language: 'fr',
  date: formatFrenchDate,
  list: (items) => joinList(items, 'et'),

  envelope: {
    // Elision before a vowel or a mute h: "d’Anaïs", "d’Hugo".
    parentsOf: (names) => `Aux parents ${/^[aeiouyhàâäéèêëîïôöûüœæ]/i.test(names) ? 'd’' : 'de '}${names}`,
    box: (box) => `bte ${box}`,
    sameEnvelope: '(même enveloppe)',
  },

  letter: {
    placeAndDate: (place, date) => `${place}, le ${date}`,
    referenceLabel: 'Notre référence',
    headlineForParents: (firstName) => `Un bon d’achat local pour ${firstName}`,
    headlineForBeneficiary: (firstName) => `${firstName}, voici votre bon d’achat local`,
    greetingParents: 'Madame, Monsieur,',
    greetingBeneficiary: (firstName) => `Bonjour ${firstName},`,
    introForParents: (w) =>
      `Pour soutenir le commerce local, la commune de ${w.town} offre à chacun de ses jeunes un bon d’achat de ${w.amount}, à dépenser chez ses commerçants partenaires. Voici celui de votre enfant, prêt à l’emploi.`,
    introForBeneficiary: (w) =>
      `Pour soutenir le commerce local, la commune de ${w.town} offre à chacun de ses jeunes un bon d’achat de ${w.amount}, à dépenser chez ses commerçants partenaires. Voici le vôtre, prêt à l’emploi.`,
    howToTitle: `Comment l’utiliser${NBSP}?`,
    steps: (w, shopList) => [
      {
        back: `Choisissez un commerce partenaire${NBSP}: la liste figure au verso et, toujours à jour, sur ${w.shopListUrl}.`,
        front: `Choisissez un commerce partenaire (voir en haut de cette page)${NBSP}; la liste à jour est sur ${w.shopListUrl}.`,
        online: `Choisissez un commerce partenaire${NBSP}: la liste à jour figure sur ${w.shopListUrl}.`,
      }[shopList],
      `Au moment de payer, présentez ce courrier${NBSP}: le commerçant scanne le code QR (ou tape le code) et déduit le montant de vos achats.`,
      `Dépensez le montant en une ou plusieurs fois${NBSP}: le solde reste disponible sur le même bon.`,
    ],
    validityTitle: 'Validité',
    validity: (w) =>
      `Ce bon est valable jusqu’au ${w.endDate} inclus. La commune peut prolonger cette date${NBSP}; la nouvelle date sera alors annoncée sur ${w.siteUrl} et ce bon restera valable, sans nouveau courrier.`,
    lostTitle: `Bon perdu ou volé${NBSP}?`,
    lost: (w) =>
      `Contactez sans tarder l’administration communale au ${w.phone} ou par e-mail à ${w.email}, en indiquant la référence de ce courrier.`,
    keepSafe: `Conservez ce courrier en lieu sûr${NBSP}: comme de l’argent liquide, ce bon peut être utilisé par toute personne qui en connaît le code.`,
    closing: `Nous vous souhaitons de bons achats dans nos commerces${NBSP}!`,
    signature: (w) => `L’administration communale de ${w.town}`,
    phone: (phone) => `Tél.${NBSP}${phone}`,
  },

  voucher: {
    label: 'BON D’ACHAT LOCAL',
    forPerson: (fullName) => `Pour ${fullName}`,
    validUntil: (date) => `Valable jusqu’au ${date}`,
    codeLabel: 'Code du bon',
    scanHint: 'À scanner par le commerçant',
  },

  shops: {
    title: 'Nos commerces partenaires',
    backIntro: (w) =>
      `Votre bon est accepté dans les commerces ci-dessous. La liste à jour, avec les nouveaux partenaires, se trouve sur ${w.shopListUrl}.`,
    more: (count, w) =>
      count === 1
        ? `… et 1 autre commerce${NBSP}: voir ${w.shopListUrl}`
        : `… et ${count} autres commerces${NBSP}: voir ${w.shopListUrl}`,
    online: `Liste à jour${NBSP}:`,
  },

  cover: {
    notForMailing: 'Feuille de garde — ne pas mettre sous enveloppe',
    batch: (number, of) => `Lot d’impression ${number} sur ${of}`,
    campaign: 'Campagne',
    letterDate: 'Date des courriers',
    postcodes: 'Codes postaux',
    envelopes: 'Enveloppes',
    letters: 'Lettres',
    pages: 'Pages du PDF',
    sheets: 'Feuilles',
    printing: 'Impression',
    simplex: 'recto seul',
    duplex: 'recto verso (une feuille par lettre)',
    warningTitle: 'Document confidentiel',
    warning:
      'Ce PDF contient des codes de bons utilisables comme de l’argent. Conservez‑le en lieu sûr, ne le transmettez à personne d’autre que l’imprimeur et supprimez‑le après l’impression.',
    blankPage: 'Page laissée blanche intentionnellement',
  },
};
