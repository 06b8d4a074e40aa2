/**
 * The shape of the mails to applicants: every word they contain, so the composing code holds none. One
 * catalogue per language of Belgium (fr.ts, nl.ts, de.ts), picked by the language the applicant used.
 */
import type { ApplicantLanguage } from '../application.ts';

/** Values a sentence needs, already formatted. */
export interface ApplicationWords {
  /** `A-7KQ4-M2XD-9PFA-3HCW`. */
  readonly reference: string;
  readonly campaign: string;
  /** The day it was submitted, written the way this language writes dates. */
  readonly date: string;
  readonly schoolYear?: string;
}

export interface ApplicantMailTexts {
  readonly language: ApplicantLanguage;
  /** The locale of the HTML mail's `lang` and of its dates. */
  readonly locale: string;
  readonly greeting: string;
  readonly signature: string;
  readonly referenceLabel: string;
  readonly receipt: {
    readonly subject: (w: ApplicationWords) => string;
    readonly received: (w: ApplicationWords) => string;
    readonly next: string;
    readonly notYou: string;
  };
  readonly approved: {
    readonly subject: (w: ApplicationWords) => string;
    readonly decision: (w: ApplicationWords) => string;
    readonly letter: string;
    readonly use: string;
  };
  readonly rejected: {
    readonly subject: (w: ApplicationWords) => string;
    readonly decision: (w: ApplicationWords) => string;
    readonly reasonLabel: string;
    readonly again: string;
  };
}
