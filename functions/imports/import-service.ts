/**
 * The import service of the import handlers, built once per cold start from what the handler brings: the
 * documents bucket (create, status, process) and the job starter (process, resume). Each handler imports only
 * the runtime modules it uses, so a bundle carries the S3 or Lambda client only when its function is granted
 * that service (see functions/runtime/documents.ts).
 */
import type { DocumentStore } from '../../shared/data/document-store.ts';
import { createImportService } from '../../shared/services/import-service.ts';
import type { StartJob } from '../../shared/services/jobs.ts';
import { jobLeaseSeconds } from '../runtime/job-lease.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

export function importService(given: { readonly documents?: DocumentStore; readonly startJob?: StartJob }) {
  return createImportService({
    table: tableFromEnvironment(),
    now: () => new Date(),
    leaseSeconds: jobLeaseSeconds(),
    ...given,
  });
}
