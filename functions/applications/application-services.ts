/**
 * The application services of the handlers that reach the documents bucket, built once per cold start. The
 * ones that do not (listing, rejecting) build theirs in review-services.ts, so that their bundles carry no S3
 * client (see functions/runtime/documents.ts). `once` calls are marked pure: a bundle keeps only the one its
 * handler uses, and with it only the clients that one needs.
 */
import { createApplicationReviewService } from '../../shared/services/application-review-service.ts';
import { createApplicationService } from '../../shared/services/application-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { mailerFromEnvironment } from '../runtime/mailer.ts';
import { once } from '../runtime/once.ts';
import { personKey } from '../runtime/person-key.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const citizenBase = async () => ({
  table: tableFromEnvironment(),
  documents: documentsFromEnvironment(),
  personKey: await personKey(),
  now: () => new Date(),
});

/** Filing (public): the person key and the proof's upload link; no mail. */
export const filingService = /* @__PURE__ */ once(async () => createApplicationService(await citizenBase()));

/** Submitting (public): checks the uploaded proof and mails the receipt. */
export const submittingService = /* @__PURE__ */ once(async () =>
  createApplicationService({ ...(await citizenBase()), sendMail: mailerFromEnvironment() }),
);

/** Approving issues a voucher (the code key, the letter's manifest in the bucket) and mails the decision. */
export const reviewServiceWithIssuance = /* @__PURE__ */ once(async () =>
  createApplicationReviewService({
    ...(await ledgerDependencies()),
    documents: documentsFromEnvironment(),
    sendMail: mailerFromEnvironment(),
  }),
);

/** Viewing hands out a short-lived link to the proof: the bucket, read only. */
export const reviewServiceWithProofs = /* @__PURE__ */ once(async () =>
  createApplicationReviewService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    documents: documentsFromEnvironment(),
  }),
);
