/** The letters in German (German-speaking Community of Belgium): formal "Sie", dates written 31.03.2027. */
import type { CalendarDate } from '../../time/calendar-date.ts';
import { joinList, type LetterTexts } from './texts.ts';

function germanDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

export const deTexts: LetterTexts = {
  language: 'de',
  date: germanDate,
  list: (items) => joinList(items, 'und'),

  envelope: {
    parentsOf: (names) => `An die Eltern von ${names}`,
    box: (box) => `Box ${box}`,
    sameEnvelope: '(im selben Umschlag)',
  },

  letter: {
    placeAndDate: (place, date) => `${place}, den ${date}`,
    referenceLabel: 'Unser Zeichen',
    headlineForParents: (firstName) => `Ein Einkaufsgutschein für ${firstName}`,
    headlineForBeneficiary: (firstName) => `${firstName}, hier ist Ihr Einkaufsgutschein`,
    greetingParents: 'Liebe Eltern,',
    greetingBeneficiary: (firstName, lastName) => `Guten Tag ${firstName} ${lastName},`,
    introForParents: (w) =>
      `Um den lokalen Handel zu unterstützen, schenkt die Gemeinde ${w.town} jedem jungen Menschen einen Einkaufsgutschein über ${w.amount}, einzulösen in ihren Partnergeschäften. Unten finden Sie den Gutschein Ihres Kindes – sofort einsetzbar.`,
    introForBeneficiary: (w) =>
      `Um den lokalen Handel zu unterstützen, schenkt die Gemeinde ${w.town} jedem jungen Menschen einen Einkaufsgutschein über ${w.amount}, einzulösen in ihren Partnergeschäften. Unten finden Sie Ihren Gutschein – sofort einsetzbar.`,
    howToTitle: 'So lösen Sie den Gutschein ein',
    steps: (w, shopList) => [
      {
        back: `Wählen Sie ein Partnergeschäft: Die Liste steht auf der Rückseite und, stets aktuell, unter ${w.shopListUrl}.`,
        front: `Wählen Sie ein Partnergeschäft (siehe oben auf dieser Seite); die aktuelle Liste finden Sie unter ${w.shopListUrl}.`,
        online: `Wählen Sie ein Partnergeschäft: Die aktuelle Liste finden Sie unter ${w.shopListUrl}.`,
      }[shopList],
      'Zeigen Sie diesen Brief an der Kasse vor: Das Geschäft scannt den QR-Code (oder tippt den Code ein) und zieht Ihren Einkauf ab.',
      'Sie können den Betrag auf einmal oder in mehreren Einkäufen ausgeben; der Rest bleibt auf dem Gutschein.',
    ],
    validityTitle: 'Gültigkeit',
    validity: (w) =>
      `Dieser Gutschein ist bis einschließlich ${w.endDate} gültig. Verlängert die Gemeinde diese Frist, gibt sie das neue Datum unter ${w.siteUrl} bekannt; der Gutschein bleibt dann ohne neuen Brief gültig.`,
    lostTitle: 'Gutschein verloren oder gestohlen?',
    lost: (w) =>
      `Melden Sie sich bitte umgehend bei der Gemeindeverwaltung (Tel. ${w.phone}, ${w.email}) und nennen Sie das Zeichen dieses Briefes.`,
    keepSafe:
      'Bewahren Sie diesen Brief sicher auf: Wie Bargeld kann jeder, der den Code kennt, diesen Gutschein einlösen.',
    closing: 'Viel Freude beim Einkaufen in unseren Geschäften!',
    signature: (w) => `Die Gemeindeverwaltung ${w.town}`,
    phone: (phone) => `Tel. ${phone}`,
  },

  voucher: {
    label: 'EINKAUFSGUTSCHEIN',
    forPerson: (fullName) => `Für ${fullName}`,
    validUntil: (date) => `Gültig bis ${date}`,
    codeLabel: 'Gutscheincode',
    scanHint: 'Vom Geschäft zu scannen',
  },

  shops: {
    title: 'Unsere Partnergeschäfte',
    backIntro: (w) =>
      `Ihr Gutschein wird in den folgenden Geschäften angenommen. Die aktuelle Liste mit neuen Partnern finden Sie unter ${w.shopListUrl}.`,
    more: (count, w) =>
      count === 1
        ? `… und ein weiteres Geschäft: siehe ${w.shopListUrl}`
        : `… und ${count} weitere Geschäfte: siehe ${w.shopListUrl}`,
    online: 'Aktuelle Liste:',
  },

  cover: {
    notForMailing: 'Deckblatt – nicht versenden',
    batch: (number, of) => `Druckstapel ${number} von ${of}`,
    campaign: 'Aktion',
    letterDate: 'Datum der Briefe',
    postcodes: 'Postleitzahlen',
    envelopes: 'Umschläge',
    letters: 'Briefe',
    pages: 'Seiten im PDF',
    sheets: 'Blätter',
    printing: 'Druck',
    simplex: 'einseitig',
    duplex: 'beidseitig (ein Blatt pro Brief)',
    warningTitle: 'Vertrauliches Dokument',
    warning:
      'Dieses PDF enthält Gutscheincodes, die wie Bargeld einsetzbar sind. Bewahren Sie es sicher auf, geben Sie es nur an die Druckerei weiter und löschen Sie es nach dem Druck.',
    blankPage: 'Diese Seite bleibt absichtlich leer',
  },
};
