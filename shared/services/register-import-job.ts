/**
 * The register import's worker: streams the uploaded file from S3 through the register reader, keeps the
 * campaign's eligible people (new, updated or left unchanged, under the keyed hash of their national number),
 * reports people the file no longer has (kept, not deleted, no longer served by issuance), writes the report
 * of rejected lines, deletes the uploaded file (every national number in clear) and records the counts.
 * Re-importing the same file changes nothing and counts everyone as unchanged.
 * The worker checkpoints after each batch of people (renewing its heartbeat lease); a worker that takes over
 * an import whose worker was lost reads the file again and writes from the checkpoint, so the counts are
 * those of one uninterrupted run.
 */
import { randomUUID } from 'node:crypto';
import type { Campaign } from '../campaigns/campaign.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { pauseBeforeRetry } from '../data/backoff.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createImportStore } from '../data/import-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { eligibilityOf } from '../eligibility/eligibility.ts';
import { newId } from '../ids.ts';
import {
  EMPTY_COUNTS,
  type ImportCounts,
  importReportPrefix,
  type RegisterImport,
} from '../imports/register-import.ts';
import { SYSTEM_ACTOR } from '../ledger/audit-event.ts';
import { fingerprintOf, type Person, type RegisterData } from '../people/person.ts';
import { householdRefFor, personRefFor } from '../people/person-ref.ts';
import { type DuplicateRow, readRegister } from '../register/parse-register.ts';
import { FRENCH_REGISTER_MESSAGES, RegisterFileError } from '../register/register-messages.ts';
import type { RegisterPerson, RejectedRow } from '../register/register-row.ts';
import { missingPeopleReport, rejectionReport } from '../register/report-csv.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';

export interface RegisterImportDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  /** HMAC key of national numbers and household ids. */
  readonly personKey: Buffer;
  readonly now: () => Date;
  /**
   * How long the worker's heartbeat (each checkpoint) holds the import.
   * @default DEFAULT_JOB_LEASE_SECONDS
   */
  readonly leaseSeconds?: number;
}

/** Another invocation took the import over (this one was thought lost): it must stop and touch nothing. */
class ImportTakenError extends Error {
  override readonly name = 'ImportTakenError';
}

/** People written per round trip: one BatchGetItem reads them, then their writes go out together. */
const BATCH = 100;
/** Conditional writes in flight at once (DynamoDB takes far more; this keeps a Lambda's sockets sane). */
const WRITES_IN_FLIGHT = 25;

type Outcome = Parameters<ReturnType<typeof createImportStore>['finishItem']>[2];
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const CSV = 'text/csv; charset=utf-8';

export function createRegisterImportJob(deps: RegisterImportDependencies) {
  const imports = createImportStore(deps.table, deps.leaseSeconds ? { leaseSeconds: deps.leaseSeconds } : {});
  const people = createPersonStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);

  /** Writes one batch of people of the file; returns how each was classified. */
  async function writeBatch(
    campaign: Campaign,
    importId: string,
    batch: ReadonlyArray<{ ref: string; data: RegisterData }>,
    counts: Mutable<ImportCounts>,
  ): Promise<void> {
    let pending = [...batch];
    for (let round = 0; pending.length > 0; round++) {
      if (round > 0) await pauseBeforeRetry(round, 20, 2000);
      const stored = await people.getMany(
        campaign.campaignId,
        pending.map((entry) => entry.ref),
      );
      const refused: typeof pending = [];
      const writes: Array<() => Promise<void>> = [];
      for (const entry of pending) {
        const existing = stored.get(entry.ref);
        const fingerprint = fingerprintOf(entry.data);
        if (existing?.lastImportId === importId) {
          // Stored by this import's lost worker after its last checkpoint: counted as that worker counted it.
          if (existing.firstImportId === importId) counts.people.new++;
          else counts.people.updated++;
          continue;
        }
        if (!existing) {
          if (entry.data.eligibility === 'NOT_ELIGIBLE') {
            counts.people.notEligible++;
            continue;
          }
          const person: Person = {
            campaignId: campaign.campaignId,
            personRef: entry.ref,
            ...entry.data,
            fingerprint,
            version: 1,
            firstImportId: importId,
            lastImportId: importId,
            updatedAt: deps.now().toISOString(),
          };
          writes.push(async () => {
            if (await people.save(person, undefined)) counts.people.new++;
            else refused.push(entry);
          });
          continue;
        }
        if (existing.fingerprint === fingerprint && !existing.absentSince) {
          if (entry.data.eligibility === 'NOT_ELIGIBLE') counts.people.notEligible++;
          else counts.people.unchanged++;
          continue;
        }
        // Changed data (a move, a corrected name or birth date) or back after being missing: the register
        // part is replaced, what applications decided is kept.
        const { absentSince: _absent, ...kept } = existing;
        const person: Person = {
          ...kept,
          ...entry.data,
          fingerprint,
          version: existing.version + 1,
          lastImportId: importId,
          updatedAt: deps.now().toISOString(),
        };
        writes.push(async () => {
          if (await people.save(person, existing.version)) counts.people.updated++;
          else refused.push(entry);
        });
      }
      for (let start = 0; start < writes.length; start += WRITES_IN_FLIGHT) {
        await Promise.all(writes.slice(start, start + WRITES_IN_FLIGHT).map((write) => write()));
      }
      // Refused: someone (an application decision) wrote the person meanwhile: read again and redo.
      pending = refused;
    }
  }

  /** Marks kept people the file no longer has; returns them for the report. */
  async function markMissing(campaignId: string, importId: string, seen: ReadonlySet<string>): Promise<Person[]> {
    const missing: Person[] = [];
    for await (const page of people.all(campaignId)) {
      for (const person of page) {
        if (seen.has(person.personRef) || person.eligibility === 'NOT_ELIGIBLE') continue;
        missing.push(person);
        let current: Person | undefined = person;
        while (current && !current.absentSince) {
          const absent: Person = {
            ...current,
            absentSince: importId,
            version: current.version + 1,
            updatedAt: deps.now().toISOString(),
          };
          if (await people.save(absent, current.version)) break;
          current = await people.get(campaignId, person.personRef);
        }
      }
    }
    return missing;
  }

  async function process(job: RegisterImport, campaign: Campaign, token: string): Promise<Outcome> {
    const counts: Mutable<ImportCounts> = structuredClone(EMPTY_COUNTS) as Mutable<ImportCounts>;
    // People before the checkpoint are stored and counted: read again (for the file's own counts and who it
    // names), not written again.
    const resumeAfter = job.checkpoint?.people ?? 0;
    if (job.checkpoint) counts.people = structuredClone(job.checkpoint.counts) as Mutable<ImportCounts['people']>;
    let peopleRead = 0;
    const flush = async () => {
      await writeBatch(campaign, job.importId, batch, counts);
      batch = [];
      const held = await imports.checkpoint(job.importId, token, deps.now(), {
        people: peopleRead,
        counts: counts.people,
      });
      if (!held) throw new ImportTakenError(`Import ${job.importId} was taken over by another worker`);
    };
    const seen = new Set<string>();
    const rejections: RejectedRow[] = [];
    const duplicates: DuplicateRow[] = [];
    let file: RegisterImport['file'];
    let batch: Array<{ ref: string; data: RegisterData }> = [];
    const toData = (person: RegisterPerson): RegisterData => ({
      householdRef: householdRefFor(deps.personKey, person.householdId),
      birthDate: person.birthDate,
      lastName: person.lastName,
      firstName: person.firstName,
      address: person.address,
      eligibility: eligibilityOf(person.birthDate, campaign),
    });

    for await (const event of readRegister(deps.documents.opener(job.objectKey), {
      today: brusselsDateOf(deps.now()),
    })) {
      if (event.type === 'file') {
        const { encoding, delimiter } = event.file;
        file = { encoding: encoding.encoding, bom: encoding.bom, delimiter };
      } else if (event.type === 'person') {
        const ref = personRefFor(deps.personKey, event.person.nationalNumber);
        const data = toData(event.person);
        if (data.eligibility === 'AUTOMATIC') counts.eligible.automatic++;
        if (data.eligibility === 'ON_APPLICATION') counts.eligible.onApplication++;
        if (data.eligibility !== 'NOT_ELIGIBLE') seen.add(ref);
        peopleRead++;
        if (peopleRead <= resumeAfter) continue;
        batch.push({ ref, data });
        if (batch.length >= BATCH) await flush();
      } else if (event.type === 'duplicate') {
        duplicates.push(event.duplicate);
      } else if (event.type === 'rejected') {
        rejections.push(event.rejection);
      } else {
        counts.rows = { ...event.summary.rows };
        counts.duplicates = event.summary.duplicates;
      }
    }
    await flush();

    const missing = await markMissing(campaign.campaignId, job.importId, seen);
    counts.people.missing = missing.length;
    const base = importReportPrefix(job.campaignId, job.importId);
    const reportKey = `${base}rejected-lines.csv`;
    await deps.documents.put(reportKey, rejectionReport(rejections, duplicates), CSV);
    let missingReportKey: string | undefined;
    if (missing.length > 0) {
      missingReportKey = `${base}missing-people.csv`;
      await deps.documents.put(missingReportKey, missingPeopleReport(missing, FRENCH_REGISTER_MESSAGES), CSV);
    }
    return { status: 'DONE', counts, reportKey, missingReportKey, file };
  }

  return {
    /** Runs one import to its end (DONE or FAILED). A second delivery of the same job does nothing. */
    async run(importId: string): Promise<RegisterImport | undefined> {
      const token = randomUUID();
      if (!(await imports.claimForWorker(importId, token, deps.now()))) return imports.get(importId);
      const job = await imports.get(importId);
      if (!job) throw new Error(`Import ${importId} vanished after it was claimed`);
      if (job.checkpoint || job.resumedAt) {
        // A takeover: one import of the campaign at a time still holds for the rest of this run. Should another
        // import have started meanwhile (ours had expired), both go on, as before this takeover.
        await imports.renewCampaignLease(job, deps.now());
      }
      let outcome: Outcome;
      try {
        const campaign = await campaigns.get(job.campaignId);
        if (!campaign) throw new Error(`Import ${importId} of unknown campaign ${job.campaignId}`);
        outcome = await process(job, campaign, token);
      } catch (error) {
        // Another worker holds the import now: it finishes it; this one leaves everything as it is.
        if (error instanceof ImportTakenError) throw error;
        // A file-level problem (missing column, unreadable file) is the clerk's to fix: said in their words.
        // Anything else is ours: logged by the caller, a plain message here.
        outcome = {
          status: 'FAILED',
          error:
            error instanceof RegisterFileError
              ? { code: error.code, message: error.message }
              : { code: 'INTERNAL', message: "L'import a échoué de notre côté ; réessayez, ou contactez le support." },
        };
        if (!(error instanceof RegisterFileError)) {
          await finishAndRelease(job, token, { ...outcome, finishedAt: deps.now().toISOString() });
          throw error;
        }
      }
      await finishAndRelease(job, token, { ...outcome, finishedAt: deps.now().toISOString() });
      return imports.get(importId);
    },
  };

  async function finishAndRelease(job: RegisterImport, token: string, outcome: Outcome): Promise<void> {
    const event = {
      eventId: newId('E'),
      at: deps.now().toISOString(),
      action: 'COMPLETE_IMPORT',
      actor: SYSTEM_ACTOR,
      entityType: 'import',
      entityId: job.importId,
      requestId: job.importId,
      details: {
        campaignId: job.campaignId,
        status: outcome.status,
        ...(outcome.counts
          ? {
              rowsTotal: outcome.counts.rows.total,
              rowsInvalid: outcome.counts.rows.invalid,
              peopleNew: outcome.counts.people.new,
              peopleUpdated: outcome.counts.people.updated,
              peopleMissing: outcome.counts.people.missing,
            }
          : {}),
        ...(outcome.error ? { error: outcome.error.code } : {}),
      },
    } as const;
    const written = await transactWrite(deps.table, {
      import: imports.finishItem(job.importId, token, outcome),
      audit: audits.recordItem(event),
    });
    if (!written.committed) throw new Error(`Import ${job.importId} was no longer this worker's when it finished`);
    // The file holds every national number in clear: it goes as soon as the import is over (whatever the
    // outcome: a failed file is fixed and uploaded again, as a new import). Not before: a worker taking over
    // a lost one reads it again. Should this delete be lost, the bucket expires uploads after a day.
    await deps.documents.delete(job.objectKey);
    await imports.releaseLease(job);
  }
}

export type RegisterImportJob = ReturnType<typeof createRegisterImportJob>;
