/**
 * The letter run's dependencies in a handler, read once per cold start: what the letters print (the town's
 * letterhead, return address, contacts, public site), who is told, the code key for the step that opens codes.
 */
import * as z from 'zod/mini';
import { DEMO_LOGO } from '../../shared/letters/demo-logo.ts';
import type { TownLetterConfig } from '../../shared/letters/letter-input.ts';
import type { LetterPipelineDependencies } from '../../shared/services/letter-pipeline.ts';
import { voucherCodeKey } from './code-key.ts';
import { commaSeparatedList, loadConfig } from './config.ts';
import { documentsFromEnvironment } from './documents.ts';
import { ENV } from './environment-variables.ts';
import { mailerFromEnvironment } from './mailer.ts';
import { tableFromEnvironment } from './table-access.ts';

const TownLettersSchema = z.object({
  letterhead: z.string().check(z.minLength(1)),
  department: z.optional(z.string()),
  returnAddress: z.object({
    street: z.string(),
    houseNumber: z.string(),
    box: z.nullable(z.string()),
    postcode: z.string(),
    locality: z.string(),
  }),
  phone: z.string(),
  email: z.string(),
});

/** What the letters print, checked at cold start. */
export function townLetterConfigFromEnvironment(): TownLetterConfig {
  const config = loadConfig({
    [ENV.townName]: z.string().check(z.minLength(1)),
    [ENV.townLetters]: z.pipe(
      z.pipe(
        z.string(),
        z.transform((text) => JSON.parse(text) as unknown),
      ),
      TownLettersSchema,
    ),
    [ENV.publicSiteUrl]: z.url(),
  });
  const letters = config[ENV.townLetters];
  return {
    name: config[ENV.townName],
    ...letters,
    ...(letters.department ? { department: letters.department } : {}),
    publicSiteUrl: config[ENV.publicSiteUrl].replace(/\/$/, ''),
    // The demo town's coat of arms; a town's own logo is an issue of its own (README: what a town sets).
    logo: DEMO_LOGO,
  };
}

/** Everything a letter step needs; the code key and mail only for the steps granted them. */
export async function letterPipelineDependencies(
  granted: { codeKey?: boolean; mail?: boolean } = {},
): Promise<LetterPipelineDependencies> {
  const config = loadConfig({
    [ENV.staffEmails]: commaSeparatedList,
  });
  return {
    table: tableFromEnvironment(),
    documents: documentsFromEnvironment(),
    ...(granted.codeKey ? { codeKey: await voucherCodeKey() } : {}),
    sendMail: granted.mail
      ? mailerFromEnvironment()
      : () => Promise.reject(new Error('This letter step may not send mail')),
    now: () => new Date(),
    config: {
      town: townLetterConfigFromEnvironment(),
      staffEmails: config[ENV.staffEmails],
      // An issuing run writes a manifest part, then issues its page within seconds.
      graceMinutes: 15,
    },
  };
}
