/**
 * What a town sets before deploying (cdk.json context `town`, per stage if needed): its name, the account
 * payouts are made from, who receives finance's reports and the alerts, and the sender of every mail.
 */
import * as z from 'zod/mini';
import '../../shared/zod-messages.ts';
import { normalised } from '../../functions/runtime/config.ts';
import { normaliseIban } from '../../shared/iban/iban.ts';
import { normaliseBic } from '../../shared/payments/bic.ts';

export const TownSettingsSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(70)),
  /** The debtor account of the payment files. */
  iban: normalised(normaliseIban),
  bic: z.optional(normalised(normaliseBic)),
  financeEmails: z.array(z.email()).check(z.minLength(1)),
  adminEmails: z.array(z.email()).check(z.minLength(1)),
  /** The verified sender: an address of a domain the town controls (verified in SES before deploying). */
  mailFrom: z.email(),
  /** How often the approval loop looks for finance's confirmation, in seconds. */
  approvalPollSeconds: z._default(z.int().check(z.minimum(60)), 900),
  /** Who is told that letters are ready to print. */
  staffEmails: z.array(z.email()).check(z.minLength(1)),
  /** What the letters print: the letterhead, the town's return address and how to reach it. */
  letters: z.object({
    letterhead: z.string().check(z.minLength(1), z.maxLength(60)),
    department: z.optional(z.string().check(z.maxLength(60))),
    returnAddress: z.object({
      street: z.string().check(z.minLength(1)),
      houseNumber: z.string().check(z.minLength(1)),
      box: z._default(z.nullable(z.string()), null),
      postcode: z.string().check(z.regex(/^\d{4}$/)),
      locality: z.string().check(z.minLength(1)),
    }),
    phone: z.string().check(z.minLength(6), z.maxLength(30)),
    email: z.email(),
  }),
});

export type TownSettings = z.output<typeof TownSettingsSchema>;

/** Reads the `town` context; a mistake stops the synth with the setting named. */
export function townSettings(context: unknown): TownSettings {
  const result = TownSettingsSchema.safeParse(context);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `town.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid town settings in cdk.json (context "town"): ${problems.join('; ')}`);
  }
  return result.data;
}
