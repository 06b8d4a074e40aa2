/**
 * A register import: staff upload the town's population-register export, ask for it to be processed, and
 * read its counts and report. The file itself is deleted once processed (it holds every national number in
 * clear); the report names lines, not people.
 */
import { leaseExpired } from '../jobs/job-lease.ts';

export const IMPORT_STATUSES = ['PENDING', 'PROCESSING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  readonly rows: { readonly total: number; readonly valid: number; readonly invalid: number };
  /**
   * Eligible people of the file against those kept for the campaign: new, updated (address, name,
   * household, or back after being missing), unchanged; `missing`: kept people the file no longer has
   * (reported, kept, not served by issuance); `notEligible`: distinct people of the file outside the bands,
   * counted and not kept.
   */
  readonly people: {
    readonly new: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly missing: number;
    readonly notEligible: number;
  };
  readonly eligible: { readonly automatic: number; readonly onApplication: number };
  /** Valid lines repeating a person already seen in the file (they add no one). */
  readonly duplicates: number;
}

/**
 * How far the people of the file were written: the first `people` person lines (in file order) are stored,
 * and the counts of what was stored so far. Everything else the counts hold is re-read from the file.
 */
export interface ImportCheckpoint {
  readonly people: number;
  readonly counts: ImportCounts['people'];
}

/** An import being processed whose worker is gone: its lease ran out (or it never had one). */
export function importStuck(job: Pick<RegisterImport, 'status' | 'leaseUntil'>, now: Date): boolean {
  return job.status === 'PROCESSING' && leaseExpired(job.leaseUntil, now);
}

export interface RegisterImport {
  readonly importId: string;
  readonly campaignId: string;
  readonly status: ImportStatus;
  /** Where the upload goes (documents bucket); deleted once processed. */
  readonly objectKey: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly processingAt?: string;
  readonly workerStartedAt?: string;
  /** The worker invocation holding the import while PROCESSING. */
  readonly workerToken?: string;
  /**
   * Until when (epoch seconds) the worker, or the invocation about to start, holds the import: renewed at each
   * checkpoint (shared/jobs/job-lease.ts).
   */
  readonly leaseUntil?: number;
  /** Where a lost worker stopped: a worker taking the import over writes from there. */
  readonly checkpoint?: ImportCheckpoint;
  /** The last time staff resumed the import after its worker was lost, and how many times they did. */
  readonly resumedAt?: string;
  readonly resumes?: number;
  readonly finishedAt?: string;
  readonly counts?: ImportCounts;
  /** Rejected (and disagreeing duplicate) lines: line number, code, reason. */
  readonly reportKey?: string;
  /** People kept for the campaign that the file no longer has. */
  readonly missingReportKey?: string;
  readonly file?: { readonly encoding: string; readonly bom: boolean; readonly delimiter: string };
  /** Why a FAILED import failed, in the clerk's words (a missing column, an unreadable file...). */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Files larger than this are refused before reading: a register of 100,000 people is about 15 MB. */
export const MAX_REGISTER_BYTES = 200 * 1024 * 1024;

/** How long an upload URL or a report link stays valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const REPORT_URL_SECONDS = 5 * 60;

export const EMPTY_COUNTS: ImportCounts = {
  rows: { total: 0, valid: 0, invalid: 0 },
  people: { new: 0, updated: 0, unchanged: 0, missing: 0, notEligible: 0 },
  eligible: { automatic: 0, onApplication: 0 },
  duplicates: 0,
};

/**
 * Where browsers upload what is read once and deleted (register files). The bucket expires this prefix
 * after a day (infra/constructs/data.ts): a file uploaded and never processed does not linger either.
 */
export const UPLOADS_PREFIX = 'uploads/';

export function registerObjectKey(campaignId: string, importId: string): string {
  return `${UPLOADS_PREFIX}registers/${campaignId}/${importId}.csv`;
}

/** Where an import's reports are kept (for the campaign's life). */
export function importReportPrefix(campaignId: string, importId: string): string {
  return `imports/${campaignId}/${importId}/`;
}
