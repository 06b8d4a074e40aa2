/**
 * The application review services of the handlers that never reach the documents bucket (see
 * application-services.ts for the others): listing (the table only) and rejecting (the table and the mail).
 */
import { createApplicationReviewService } from '../../shared/services/application-review-service.ts';
import { mailerFromEnvironment } from '../runtime/mailer.ts';
import { once } from '../runtime/once.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

/** Listing never issues, reads a proof nor mails: its function gets neither the code key, the bucket nor SES. */
export const listingService = /* @__PURE__ */ once(async () =>
  createApplicationReviewService({ table: tableFromEnvironment(), now: () => new Date() }),
);

/** Rejecting mails the decision (with its reason), and never issues nor reads a proof. */
export const rejectingService = /* @__PURE__ */ once(async () =>
  createApplicationReviewService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    sendMail: mailerFromEnvironment(),
  }),
);
