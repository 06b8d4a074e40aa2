/** Picks the letter catalogue of a campaign's language. */
import { deTexts } from './de.ts';
import { frTexts } from './fr.ts';
import { nlTexts } from './nl.ts';
import type { LetterLanguage, LetterTexts } from './texts.ts';

const CATALOGUES: Readonly<Record<LetterLanguage, LetterTexts>> = { fr: frTexts, nl: nlTexts, de: deTexts };

export function letterTexts(language: LetterLanguage): LetterTexts {
  return CATALOGUES[language];
}
