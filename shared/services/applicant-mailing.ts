/**
 * Mails to applicants, each kind once: sent, then recorded on the application. A retried request (submit,
 * approve, reject) sends what is still missing; a mail that fails makes the request fail, so that the retry
 * the page or the staff make sends it.
 */
import { type ApplicantMessage, composeApplicantMail } from '../applications/applicant-mail.ts';
import type { Application } from '../applications/application.ts';
import { createApplicationStore } from '../data/application-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { granted } from './granted.ts';
import type { SendMail } from './mailer.ts';

export interface ApplicantMailingDependencies {
  readonly table: TableContext;
  /** Absent in functions that decide nothing: asking them to mail fails loudly. */
  readonly sendMail?: SendMail;
  readonly now: () => Date;
}

export function createApplicantMailing(deps: ApplicantMailingDependencies) {
  const applications = createApplicationStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  return {
    /** Sends `message` to the applicant unless a mail of its kind went out already; answers the application. */
    async ensure(application: Application, message: ApplicantMessage): Promise<Application> {
      const kind = message === 'receipt' ? 'receipt' : 'decision';
      // Applications filed before contact addresses were asked for have none: nothing to send.
      if (!application.contactEmail || application.mailed?.[kind]) return application;
      const sendMail = granted(deps.sendMail, 'the mail (`mail`)');
      const campaign = await campaigns.get(application.campaignId);
      const mail = composeApplicantMail(message, application, campaign?.name ?? application.campaignId);
      await sendMail({ to: [application.contactEmail], ...mail });
      const mailed: Application = {
        ...application,
        mailed: { ...application.mailed, [kind]: deps.now().toISOString() },
      };
      // Refused only when the application moved on meanwhile: the mail went out, a retry may send it again.
      const outcome = await transactWrite(deps.table, {
        application: applications.saveItem(mailed, application.status),
      });
      return outcome.committed ? mailed : application;
    },
  };
}

export type ApplicantMailing = ReturnType<typeof createApplicantMailing>;
