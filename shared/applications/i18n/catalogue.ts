/** Picks the applicant mails' catalogue of a language. */
import type { ApplicantLanguage } from '../application.ts';
import { deApplicantMails } from './de.ts';
import { frApplicantMails } from './fr.ts';
import { nlApplicantMails } from './nl.ts';
import type { ApplicantMailTexts } from './texts.ts';

const CATALOGUES: Readonly<Record<ApplicantLanguage, ApplicantMailTexts>> = {
  fr: frApplicantMails,
  nl: nlApplicantMails,
  de: deApplicantMails,
};

export function applicantMailTexts(language: ApplicantLanguage): ApplicantMailTexts {
  return CATALOGUES[language];
}
