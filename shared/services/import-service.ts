/**
 * Register imports as staff drive them: an upload slot (presigned PUT), the request to process it (the
 * worker runs in the background: shared/services/register-import-job.ts), and the status with the counts
 * and short-lived links to the reports.
 */
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createImportStore } from '../data/import-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import {
  EMPTY_COUNTS,
  type ImportCounts,
  type ImportStatus,
  importStuck,
  MAX_REGISTER_BYTES,
  REPORT_URL_SECONDS,
  type RegisterImport,
  registerObjectKey,
  UPLOAD_URL_SECONDS,
} from '../imports/register-import.ts';
import { leaseExpiresAt } from '../jobs/job-lease.ts';
import type { Actor, AuditEvent } from '../ledger/audit-event.ts';
import { granted } from './granted.ts';
import type { StartJob } from './jobs.ts';

export interface ImportServiceDependencies {
  readonly table: TableContext;
  /** Absent in a handler whose function has no grant on the bucket (resume); using it then fails. */
  readonly documents?: DocumentStore;
  readonly now: () => Date;
  /** Absent in a handler whose function may start no job (create, status); starting one then fails. */
  readonly startJob?: StartJob;
  /**
   * How long an import is leased to the invocation that is to work on it.
   * @default DEFAULT_JOB_LEASE_SECONDS
   */
  readonly leaseSeconds?: number;
}

export interface ImportView extends ImportCounts {
  readonly importId: string;
  readonly campaignId: string;
  readonly status: ImportStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly reportUrl: string | null;
  readonly missingReportUrl: string | null;
  readonly file: NonNullable<RegisterImport['file']> | null;
  readonly error: NonNullable<RegisterImport['error']> | null;
  /** Until when the worker (or the invocation it waits for) holds the import; null unless PROCESSING. */
  readonly leaseExpiresAt: string | null;
  /** PROCESSING, and its worker's lease ran out: POST …/resume hands it to a new worker. */
  readonly stuck: boolean;
}

/** The register is a CSV whatever the browser calls it: the upload URL is signed for this type. */
export const REGISTER_CONTENT_TYPE = 'text/csv';

export function createImportService(deps: ImportServiceDependencies) {
  const imports = createImportStore(deps.table, deps.leaseSeconds ? { leaseSeconds: deps.leaseSeconds } : {});
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);

  const documents = () => granted(deps.documents, 'the documents bucket');
  const startJob = () => granted(deps.startJob, 'the import job');

  const requireImport = async (campaignId: string, importId: string): Promise<RegisterImport> => {
    const job = await imports.get(importId);
    // Another campaign's import is as unknown here as one that does not exist.
    if (!job || job.campaignId !== campaignId) {
      throw new DomainError('IMPORT_NOT_FOUND', `There is no import ${importId} in campaign ${campaignId}.`);
    }
    return job;
  };

  const event = (
    action: AuditEvent['action'],
    actor: Actor,
    importId: string,
    requestId: string,
    details: AuditEvent['details'],
  ): AuditEvent => ({
    eventId: newId('E'),
    at: deps.now().toISOString(),
    action,
    actor,
    entityType: 'import',
    entityId: importId,
    requestId,
    ...(details ? { details } : {}),
  });

  return {
    /**
     * A new import and the URL to upload the register file to (valid 15 minutes). Given the file's size, the
     * URL is signed for exactly that length (never above MAX_REGISTER_BYTES), so S3 itself refuses a bigger
     * body; without it, `process` refuses an oversized file after the fact.
     */
    async create(campaignId: string, actor: Actor, requestId: string, bytes?: number) {
      if (bytes !== undefined && (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_REGISTER_BYTES)) {
        throw new DomainError(
          'UPLOAD_TOO_LARGE',
          `A register export is accepted up to ${MAX_REGISTER_BYTES} bytes; this one would have ${bytes}.`,
          { maxBytes: MAX_REGISTER_BYTES },
        );
      }
      if (!(await campaigns.get(campaignId))) {
        throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
      }
      const importId = newId('I');
      const job: RegisterImport = {
        importId,
        campaignId,
        status: 'PENDING',
        objectKey: registerObjectKey(campaignId, importId),
        createdAt: deps.now().toISOString(),
        createdBy: actor.userId,
      };
      await transactWrite(deps.table, {
        import: imports.createItem(job),
        audit: audits.recordItem(event('CREATE_IMPORT', actor, importId, requestId, { campaignId })),
      });
      const uploadUrl = await documents().uploadUrl(job.objectKey, {
        contentType: REGISTER_CONTENT_TYPE,
        ...(bytes === undefined ? {} : { contentLength: bytes }),
        expiresInSeconds: UPLOAD_URL_SECONDS,
      });
      return {
        importId,
        status: job.status,
        uploadUrl,
        uploadHeaders: { 'content-type': REGISTER_CONTENT_TYPE },
        uploadExpiresAt: new Date(deps.now().getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
        maxBytes: MAX_REGISTER_BYTES,
      };
    },

    /**
     * Starts processing the uploaded file. Asking again for an import that is already processing or done
     * answers its status and starts nothing: the request is idempotent by nature.
     */
    async process(campaignId: string, importId: string, actor: Actor, requestId: string) {
      const job = await requireImport(campaignId, importId);
      if (job.status !== 'PENDING') return { importId, status: job.status };
      const uploaded = await documents().head(job.objectKey);
      if (!uploaded) {
        throw new DomainError('UPLOAD_MISSING', 'Upload the register file to the uploadUrl first, then ask again.');
      }
      if (uploaded.size > MAX_REGISTER_BYTES) {
        await documents().delete(job.objectKey);
        throw new DomainError(
          'UPLOAD_TOO_LARGE',
          `The file has ${uploaded.size} bytes; a register export is accepted up to ${MAX_REGISTER_BYTES} bytes.`,
          { maxBytes: MAX_REGISTER_BYTES },
        );
      }
      const outcome = await transactWrite(deps.table, {
        ...imports.startProcessingParts(job, deps.now()),
        audit: audits.recordItem(
          event('PROCESS_IMPORT', actor, importId, requestId, { campaignId, bytes: uploaded.size }),
        ),
      });
      if (!outcome.committed) {
        if (outcome.failed('import')) {
          // A concurrent request started it first: same answer as asking again.
          return { importId, status: (await requireImport(campaignId, importId)).status };
        }
        throw new DomainError(
          'IMPORT_IN_PROGRESS',
          'Another import of this campaign is being processed; ask again once it is done.',
        );
      }
      try {
        await startJob()('importRegister', { importId });
      } catch (error) {
        await imports.abandonProcessing(job);
        throw error;
      }
      return { importId, status: 'PROCESSING' as ImportStatus };
    },

    /**
     * The import as staff see it. A link to the missing-people report hands out names and birth dates:
     * giving it is a look-up of those people, and is audited like one.
     */
    async status(campaignId: string, importId: string, actor: Actor, requestId: string): Promise<ImportView> {
      const job = await requireImport(campaignId, importId);
      if (job.missingReportKey) {
        await audits.record(
          event('VIEW_MISSING_PEOPLE', actor, importId, requestId, {
            campaignId,
            people: job.counts?.people.missing ?? 0,
          }),
        );
      }
      const link = (key: string | undefined, fileName: string) =>
        key
          ? documents().downloadUrl(key, {
              expiresInSeconds: REPORT_URL_SECONDS,
              fileName,
              contentType: 'text/csv; charset=utf-8',
            })
          : Promise.resolve(null);
      const counts = job.counts ?? EMPTY_COUNTS;
      return {
        importId,
        campaignId,
        status: job.status,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt ?? null,
        ...counts,
        reportUrl: await link(job.reportKey, `import-${importId}-lignes-rejetees.csv`),
        missingReportUrl: await link(job.missingReportKey, `import-${importId}-personnes-absentes.csv`),
        file: job.file ?? null,
        error: job.error ?? null,
        leaseExpiresAt: job.status === 'PROCESSING' ? leaseExpiresAt(job.leaseUntil) : null,
        stuck: importStuck(job, deps.now()),
      };
    },

    /**
     * Staff resume an import whose worker was lost (PROCESSING, its lease ran out): a new worker invocation
     * reads the file again and writes from the checkpoint. Asking again while that worker works is refused
     * (409 RUN_NOT_STUCK), as is an import that is over or was never started.
     */
    async resume(campaignId: string, importId: string, actor: Actor, requestId: string) {
      const job = await requireImport(campaignId, importId);
      const now = deps.now();
      if (job.status === 'DONE' || job.status === 'FAILED') {
        throw new DomainError(
          'RUN_FINISHED',
          `Import ${importId} is over (${job.status}): there is nothing to resume.`,
          {
            status: job.status,
          },
        );
      }
      if (!importStuck(job, now)) {
        throw new DomainError(
          'RUN_NOT_STUCK',
          job.status === 'PENDING'
            ? `Import ${importId} has not been started: ask for it to be processed.`
            : `Import ${importId} is still held by its worker until ${leaseExpiresAt(job.leaseUntil)}; resume it only once that has passed without a sign of life.`,
          { leaseExpiresAt: leaseExpiresAt(job.leaseUntil) },
        );
      }
      const outcome = await transactWrite(deps.table, {
        import: imports.resumeItem(importId, now),
        audit: audits.recordItem(
          event('RESUME_IMPORT', actor, importId, requestId, {
            campaignId,
            peopleWritten: job.checkpoint?.people ?? 0,
          }),
        ),
      });
      if (!outcome.committed) {
        // Another resume came first: its worker holds the import now.
        const current = await requireImport(campaignId, importId);
        throw new DomainError('RUN_NOT_STUCK', `Import ${importId} was resumed meanwhile.`, {
          leaseExpiresAt: leaseExpiresAt(current.leaseUntil),
        });
      }
      await startJob()('importRegister', { importId });
      return { importId, status: 'PROCESSING' as ImportStatus };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
