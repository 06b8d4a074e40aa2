/** The application services of the application handlers, built once per cold start. */
import { createApplicationReviewService } from '../../shared/services/application-review-service.ts';
import { createApplicationService } from '../../shared/services/application-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { once } from '../runtime/once.ts';
import { personKey } from '../runtime/person-key.ts';
import { mailerFromEnvironment } from '../runtime/settlement-settings.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

/** Filing and submitting (public): need the person key; submitting mails the receipt. */
export const applicationService = once(async () =>
  createApplicationService({
    table: tableFromEnvironment(),
    documents: documentsFromEnvironment(),
    personKey: await personKey(),
    now: () => new Date(),
    sendMail: mailerFromEnvironment(),
  }),
);

/** Approving issues a voucher and mails the decision: needs the code key and the sender. */
export const reviewServiceWithIssuance = once(async () =>
  createApplicationReviewService({
    ...(await ledgerDependencies()),
    documents: documentsFromEnvironment(),
    sendMail: mailerFromEnvironment(),
  }),
);

/** Rejecting mails the decision (with its reason), and never issues: no code key. */
export const reviewServiceWithMail = once(async () =>
  createApplicationReviewService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    documents: documentsFromEnvironment(),
    sendMail: mailerFromEnvironment(),
  }),
);

/** Listing and viewing never issue nor mail: their functions get neither the code key nor SES (least privilege). */
export const reviewService = once(async () =>
  createApplicationReviewService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    documents: documentsFromEnvironment(),
  }),
);
