/** The import service of the import handlers, built once per cold start. */
import { createImportService } from '../../shared/services/import-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { jobLeaseSeconds } from '../runtime/job-lease.ts';
import { jobStarter } from '../runtime/jobs.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

export function importServiceFromEnvironment(options: { startsJobs: boolean }) {
  return createImportService({
    table: tableFromEnvironment(),
    documents: documentsFromEnvironment(),
    now: () => new Date(),
    // Only the handler whose route declares the job may start it (and has its function name).
    startJob: options.startsJobs
      ? jobStarter(['importRegister'])
      : () => Promise.reject(new Error('This handler starts no job')),
    leaseSeconds: jobLeaseSeconds(),
  });
}
