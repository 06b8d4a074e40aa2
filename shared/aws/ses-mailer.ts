/** SendMail through SES v2 (simple content with attachments): the same call reaches the local SES emulator. */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SendMail } from '../services/mailer.ts';

export interface SesMailerOptions {
  readonly ses: SESv2Client;
  /** The verified sender, e.g. `Commune de Boussu <cheques@boussu.example>`. */
  readonly from: string;
  /** The SES configuration set that records deliveries, bounces and complaints (AWS only). */
  readonly configurationSet?: string;
}

export function createSesMailer(options: SesMailerOptions): SendMail {
  return async (mail) => {
    await options.ses.send(
      new SendEmailCommand({
        FromEmailAddress: options.from,
        Destination: { ToAddresses: [...mail.to] },
        ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
            ...(mail.attachments?.length
              ? {
                  Attachments: mail.attachments.map((attachment) => ({
                    FileName: attachment.fileName,
                    ContentType: attachment.contentType,
                    RawContent: attachment.content,
                    ContentDisposition: 'ATTACHMENT' as const,
                  })),
                }
              : {}),
          },
        },
      }),
    );
  };
}
