/**
 * The mails an applicant receives, in the language they applied in: the receipt once the application is
 * submitted (the same for everyone, whatever the register check found), and the decision.
 */
import { composeMail, type MailBlock, type MailContent } from '../settlement/mail-layout.ts';
import { type Application, applicationReference } from './application.ts';
import { applicantMailTexts } from './i18n/catalogue.ts';

export type ApplicantMessage = 'receipt' | 'approved' | 'rejected';

export function composeApplicantMail(
  message: ApplicantMessage,
  application: Pick<Application, 'applicationId' | 'submittedAt' | 'createdAt' | 'language' | 'rejectionReason'>,
  campaignName: string,
): MailContent {
  const texts = applicantMailTexts(application.language ?? 'fr');
  const date = new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(
    new Date(application.submittedAt ?? application.createdAt),
  );
  const words = { reference: applicationReference(application.applicationId), campaign: campaignName, date };
  const reference: MailBlock = { kind: 'paragraph', text: `${texts.referenceLabel} ${words.reference}` };
  const blocks = (subject: string, body: MailBlock[]) =>
    composeMail(
      subject,
      [{ kind: 'paragraph', text: texts.greeting }, ...body, reference, { kind: 'paragraph', text: texts.signature }],
      texts.locale,
    );
  switch (message) {
    case 'receipt':
      return blocks(texts.receipt.subject(words), [
        { kind: 'paragraph', text: texts.receipt.received(words) },
        { kind: 'paragraph', text: texts.receipt.next },
        { kind: 'paragraph', text: texts.receipt.notYou },
      ]);
    case 'approved':
      return blocks(texts.approved.subject(words), [
        { kind: 'paragraph', text: texts.approved.decision(words), strong: true },
        { kind: 'paragraph', text: texts.approved.letter },
        { kind: 'paragraph', text: texts.approved.use },
      ]);
    case 'rejected':
      return blocks(texts.rejected.subject(words), [
        { kind: 'paragraph', text: texts.rejected.decision(words), strong: true },
        { kind: 'paragraph', text: `${texts.rejected.reasonLabel} ${application.rejectionReason ?? ''}`.trim() },
        { kind: 'paragraph', text: texts.rejected.again },
      ]);
  }
}
