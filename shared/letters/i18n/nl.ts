/** The letters in Dutch (Belgium): formal "u", dates written 31/03/2027 as in Flanders. */
import { formatFrenchDate } from '../../time/calendar-date.ts';
import { joinList, type LetterTexts } from './texts.ts';

export const nlTexts: LetterTexts = {
  language: 'nl',
  date: formatFrenchDate,
  list: (items) => joinList(items, 'en'),

  envelope: {
    parentsOf: (names) => `Aan de ouders van ${names}`,
    box: (box) => `bus ${box}`,
    sameEnvelope: '(zelfde envelop)',
  },

  letter: {
    placeAndDate: (place, date) => `${place}, ${date}`,
    referenceLabel: 'Onze referentie',
    headlineForParents: (firstName) => `Een waardebon voor ${firstName}`,
    headlineForBeneficiary: (firstName) => `${firstName}, hier is uw waardebon`,
    greetingParents: 'Beste ouders,',
    greetingBeneficiary: (firstName) => `Beste ${firstName},`,
    introForParents: (w) =>
      `Om de lokale handel te steunen, geeft de gemeente ${w.town} elke jongere een waardebon van ${w.amount}, te besteden bij haar partnerhandelaars. Hieronder vindt u de bon van uw kind, klaar voor gebruik.`,
    introForBeneficiary: (w) =>
      `Om de lokale handel te steunen, geeft de gemeente ${w.town} elke jongere een waardebon van ${w.amount}, te besteden bij haar partnerhandelaars. Hieronder vindt u uw bon, klaar voor gebruik.`,
    howToTitle: 'Hoe gebruikt u de bon?',
    steps: (w, shopList) => [
      {
        back: `Kies een partnerhandelaar: de lijst staat op de achterzijde en, altijd actueel, op ${w.shopListUrl}.`,
        front: `Kies een partnerhandelaar (zie bovenaan deze pagina); de actuele lijst staat op ${w.shopListUrl}.`,
        online: `Kies een partnerhandelaar: de actuele lijst staat op ${w.shopListUrl}.`,
      }[shopList],
      'Toon deze brief wanneer u betaalt: de handelaar scant de QR-code (of typt de code in) en trekt het bedrag van uw aankopen af.',
      'Besteed het bedrag in één of meer keren: het saldo blijft op dezelfde bon staan.',
    ],
    validityTitle: 'Geldigheid',
    validity: (w) =>
      `Deze bon is geldig tot en met ${w.endDate}. De gemeente kan die datum verlengen; de nieuwe datum wordt dan bekendgemaakt op ${w.siteUrl} en deze bon blijft geldig, zonder nieuwe brief.`,
    lostTitle: 'Bon verloren of gestolen?',
    lost: (w) =>
      `Neem zo snel mogelijk contact op met het gemeentebestuur op ${w.phone} of via ${w.email} en vermeld de referentie van deze brief.`,
    keepSafe:
      'Bewaar deze brief op een veilige plaats: net als contant geld kan iedereen die de code kent deze bon gebruiken.',
    closing: 'Veel winkelplezier bij onze handelaars!',
    signature: (w) => `Het gemeentebestuur van ${w.town}`,
    phone: (phone) => `Tel. ${phone}`,
  },

  voucher: {
    label: 'WAARDEBON LOKALE HANDEL',
    forPerson: (fullName) => `Voor ${fullName}`,
    validUntil: (date) => `Geldig tot en met ${date}`,
    codeLabel: 'Boncode',
    scanHint: 'Te scannen door de handelaar',
  },

  shops: {
    title: 'Onze partnerhandelaars',
    backIntro: (w) =>
      `Uw bon wordt aanvaard in de onderstaande zaken. De actuele lijst, met de nieuwe partners, staat op ${w.shopListUrl}.`,
    more: (count, w) =>
      count === 1
        ? `… en nog 1 andere zaak: zie ${w.shopListUrl}`
        : `… en nog ${count} andere zaken: zie ${w.shopListUrl}`,
    online: 'Actuele lijst:',
  },

  cover: {
    notForMailing: 'Schutblad — niet in een envelop steken',
    batch: (number, of) => `Drukbatch ${number} van ${of}`,
    campaign: 'Campagne',
    letterDate: 'Datum van de brieven',
    postcodes: 'Postcodes',
    envelopes: 'Enveloppen',
    letters: 'Brieven',
    pages: 'Pagina’s in de pdf',
    sheets: 'Vellen',
    printing: 'Afdrukken',
    simplex: 'enkelzijdig',
    duplex: 'dubbelzijdig (één vel per brief)',
    warningTitle: 'Vertrouwelijk document',
    warning:
      'Deze pdf bevat boncodes die als contant geld bruikbaar zijn. Bewaar hem op een veilige plaats, geef hem aan niemand anders dan de drukker en verwijder hem na het afdrukken.',
    blankPage: 'Deze pagina is bewust leeg gelaten',
  },
};
