/** What every page of a batch is drawn with: the document, the catalogue, the town and the campaign. */
import { formatEuros } from '../money/money.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { letterTexts } from './i18n/catalogue.ts';
import type { LetterTexts, TownWords } from './i18n/texts.ts';
import type { LetterDocument } from './letter-document.ts';
import type { CampaignLetterInfo, PartnerShop, TownLetterConfig } from './letter-input.ts';
import { displayUrl } from './pdf-text.ts';
import { type DrawLogo, prepareLogo } from './town-logo.ts';

export interface LetterContext {
  readonly doc: LetterDocument;
  readonly texts: LetterTexts;
  readonly town: TownLetterConfig;
  readonly campaign: CampaignLetterInfo;
  readonly words: TownWords;
  readonly letterDate: CalendarDate;
  readonly shops: readonly PartnerShop[];
  readonly logo: DrawLogo | undefined;
}

export function letterContext(
  doc: LetterDocument,
  input: {
    readonly town: TownLetterConfig;
    readonly campaign: CampaignLetterInfo;
    readonly shops: readonly PartnerShop[];
    readonly letterDate: CalendarDate;
  },
): LetterContext {
  const { town, campaign } = input;
  const texts = letterTexts(campaign.language);
  return {
    doc,
    texts,
    town,
    campaign,
    letterDate: input.letterDate,
    shops: input.shops,
    logo: prepareLogo(doc, town.logo),
    words: {
      town: town.name,
      amount: formatEuros(campaign.faceValueCents),
      endDate: texts.date(campaign.endDate),
      shopListUrl: displayUrl(town.shopListUrl ?? town.publicSiteUrl),
      siteUrl: displayUrl(town.publicSiteUrl),
      // Never split a phone number over two lines.
      phone: town.phone.replace(/ /g, '\u00a0'),
      email: town.email,
    },
  };
}
