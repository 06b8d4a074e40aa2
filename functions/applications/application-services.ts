/** The application services of the application handlers, built once per cold start. */
import { createApplicationReviewService } from '../../shared/services/application-review-service.ts';
import { createApplicationService } from '../../shared/services/application-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { once } from '../runtime/once.ts';
import { personKey } from '../runtime/person-key.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

/** Filing and submitting (public): need the person key. */
export const applicationService = once(async () =>
  createApplicationService({
    table: tableFromEnvironment(),
    documents: documentsFromEnvironment(),
    personKey: await personKey(),
    now: () => new Date(),
  }),
);

/** Approving issues a voucher: needs the code key. */
export const reviewServiceWithIssuance = once(async () =>
  createApplicationReviewService({ ...(await ledgerDependencies()), documents: documentsFromEnvironment() }),
);

/** Listing, viewing and rejecting never issue: their functions get no code key (least privilege). */
export const reviewService = once(async () =>
  createApplicationReviewService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    documents: documentsFromEnvironment(),
  }),
);
