/** Sending e-mail, as the services see it; shared/aws/ses-mailer.ts sends through SES (the local SES locally). */

export interface MailAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments?: readonly MailAttachment[];
}

/** Sends one message; resolves once the mail service has accepted it. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** SES refuses messages over 10 MB once encoded (base64 adds a third): keep attachments below this. */
export const MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;
