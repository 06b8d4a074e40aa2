/**
 * What a town sets before deploying (cdk.json context `town`, per stage if needed): its name, the account
 * payouts are made from, who receives finance's reports and the alerts, and the sender of every mail.
 */
import * as z from 'zod';
import { normaliseIban } from '../../shared/iban/iban.ts';
import { normaliseBic } from '../../shared/payments/bic.ts';

/** A normaliser that throws, as a zod transform that reports its message as an issue. */
const normalised = (normalise: (value: string) => string) =>
  z.string().transform((value, context) => {
    try {
      return normalise(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

export const TownSettingsSchema = z.object({
  name: z.string().min(1).max(70),
  /** The debtor account of the payment files. */
  iban: normalised(normaliseIban),
  bic: normalised(normaliseBic).optional(),
  financeEmails: z.array(z.email()).min(1),
  adminEmails: z.array(z.email()).min(1),
  /** The verified sender: an address of a domain the town controls (verified in SES before deploying). */
  mailFrom: z.email(),
  /** How often the approval loop looks for finance's confirmation, in seconds. */
  approvalPollSeconds: z.int().min(60).default(900),
  /** Who is told that letters are ready to print. */
  staffEmails: z.array(z.email()).min(1),
  /** What the letters print: the letterhead, the town's return address and how to reach it. */
  letters: z.object({
    letterhead: z.string().min(1).max(60),
    department: z.string().max(60).optional(),
    returnAddress: z.object({
      street: z.string().min(1),
      houseNumber: z.string().min(1),
      box: z.string().nullable().default(null),
      postcode: z.string().regex(/^\d{4}$/),
      locality: z.string().min(1),
    }),
    phone: z.string().min(6).max(30),
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
