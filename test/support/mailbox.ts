/**
 * The mails the local SES captured (aws-ses-v2-local's store), read the way a test reads a mailbox: by
 * recipient, polling with a deadline until the expected mail is there.
 */
import { localTarget } from './local-target.ts';
import { pollUntil } from './register-api.ts';

export interface CapturedMail {
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly at: number;
}

export async function mailsTo(address: string): Promise<CapturedMail[]> {
  const response = await fetch(`${localTarget().mailUrl}/store`);
  if (!response.ok) throw new Error(`mail store: HTTP ${response.status}`);
  const { emails } = (await response.json()) as { emails: CapturedMail[] };
  return emails.filter((mail) => mail.destination.to.includes(address));
}

/** Waits until `address` has received `count` mails (the first ones, in order). */
export async function waitForMails(address: string, count: number, timeoutMs = 20_000): Promise<CapturedMail[]> {
  const mails = await pollUntil(
    `${count} mail(s) to ${address}`,
    () => mailsTo(address),
    (found) => found.length >= count,
    timeoutMs,
  );
  return mails.slice(0, count);
}

/** A fresh address for one applicant of one test. */
export function applicantAddress(): string {
  return `applicant-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}
