/**
 * Letter runs as staff drive them: start one for a campaign (or resume the one that stopped), follow its
 * progress batch by batch, and download a batch's PDF through a short-lived link (audited: it holds codes).
 */
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createIdempotencyStore, requestHash } from '../data/idempotency-store.ts';
import { createLetterStore, type LetterStore } from '../data/letter-store.ts';
import type { PageRequest, TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import type { LetterRun } from '../letters/letter-run.ts';
import { granted } from './granted.ts';
import { idempotentWrite } from './idempotent-write.ts';
import type { StartWorkflow } from './workflows.ts';

export interface LetterRunServiceDependencies {
  readonly table: TableContext;
  readonly now: () => Date;
  readonly documents?: DocumentStore;
  readonly startWorkflow?: StartWorkflow;
}

export interface StaffRequest {
  readonly actor: Actor;
  readonly requestId: string;
}

/** A link to a batch lives this long: enough to start the download, too short to pass around. */
const BATCH_URL_SECONDS = 5 * 60;

/** A run whose execution is gone: failed, or silent past its lease, or never started. */
export function isAbandonedLetterRun(run: Pick<LetterRun, 'status' | 'leaseUntil'>, now: Date): boolean {
  if (run.status === 'FAILED') return true;
  if (run.status !== 'RUNNING' && run.status !== 'PENDING') return false;
  return run.leaseUntil === undefined || run.leaseUntil * 1000 < now.getTime();
}

/** The campaign's unfinished run to resume, if any (its vouchers are taken: a new run would skip them). */
async function unfinished(runs: LetterStore, campaignId: string): Promise<LetterRun | undefined> {
  return (await runs.campaignRuns(campaignId)).find((run) => run.status !== 'DONE');
}

export function createLetterRunService(deps: LetterRunServiceDependencies) {
  const runs = createLetterStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);
  const idempotency = createIdempotencyStore(deps.table);

  const requireRun = async (campaignId: string, runId: string): Promise<LetterRun> => {
    const run = await runs.getRun(runId);
    if (!run || run.campaignId !== campaignId) {
      throw new DomainError('LETTER_RUN_NOT_FOUND', `There is no letter run ${runId} in campaign ${campaignId}.`);
    }
    return run;
  };

  return {
    /**
     * Letters for every issued voucher of the campaign that has none yet. A run that stopped half-way is
     * resumed (its id answered) rather than replaced; the same Idempotency-Key answers the same run.
     */
    async start(campaignId: string, request: StaffRequest & { idempotencyKey: string }): Promise<{ runId: string }> {
      if (!(await campaigns.get(campaignId))) {
        throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
      }
      const scope = {
        userId: request.actor.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('startLetterRun', { campaignId }),
      };
      const { answer } = await idempotentWrite<{ runId: string }>(idempotency, scope, deps.now, async () => {
        const open = await unfinished(runs, campaignId);
        const at = deps.now().toISOString();
        const run: LetterRun = open ?? {
          runId: newId('L'),
          campaignId,
          status: 'PENDING',
          createdAt: at,
          createdBy: request.actor.userId,
        };
        const answer = { runId: run.runId };
        const outcome = await transactWrite(deps.table, {
          ...(open ? {} : { run: runs.createRunItem(run) }),
          audit: audits.recordItem({
            eventId: newId('E'),
            at,
            action: 'START_LETTER_RUN',
            actor: request.actor,
            entityType: 'campaign',
            entityId: campaignId,
            requestId: request.requestId,
            details: { runId: run.runId, resumed: open ? 'yes' : 'no' },
          }),
          idempotency: idempotency.recordItem(scope, { statusCode: 202, body: answer }, deps.now()),
        });
        return { outcome, answer };
      });
      const run = await requireRun(campaignId, answer.runId);
      if (!deps.startWorkflow) throw new Error('This function may not start letter runs');
      // Started now, and again on a retry while nobody works on it: a second execution of a live run stops.
      if (isAbandonedLetterRun(run, deps.now())) await deps.startWorkflow('letters', { runId: run.runId });
      return answer;
    },

    /** The run and its batches, as staff follow them (progress: batches done of batches planned). */
    async get(campaignId: string, runId: string) {
      const run = await requireRun(campaignId, runId);
      const batches = await runs.batches(runId);
      return {
        runId,
        campaignId,
        status: run.status,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt ?? null,
        letters: run.letters ?? 0,
        envelopes: run.envelopes ?? 0,
        progress: {
          batchesDone: batches.filter((batch) => batch.status === 'DONE').length,
          batchesTotal: run.batchesTotal ?? 0,
        },
        batches: batches.map((batch) => ({
          batchId: String(batch.number),
          status: batch.status,
          letters: batch.summary.letters,
          envelopes: batch.summary.envelopes,
          pages: batch.summary.pages,
          postcodes: { from: batch.summary.postcodeFrom, to: batch.summary.postcodeTo },
        })),
        ...(run.error ? { error: run.error } : {}),
      };
    },

    /** The campaign's runs, newest first. */
    async list(campaignId: string, request: PageRequest) {
      const page = await runs.campaignRunPage(campaignId, request);
      const items = page.items.map((run) => ({
        runId: run.runId,
        status: run.status,
        createdAt: run.createdAt,
        letters: run.letters ?? 0,
        envelopes: run.envelopes ?? 0,
      }));
      return { items, nextCursor: page.nextCursor };
    },

    /** A 5-minute link to a batch's PDF (and its print-shop manifest); handing it out is audited. */
    async batchUrl(campaignId: string, runId: string, batchId: string, request: StaffRequest) {
      await requireRun(campaignId, runId);
      const batch = /^\d{1,3}$/.test(batchId) ? await runs.getBatch(runId, Number(batchId)) : undefined;
      if (!batch) throw new DomainError('LETTER_BATCH_NOT_FOUND', `Letter run ${runId} has no batch ${batchId}.`);
      if (batch.status !== 'DONE' || !batch.pdfKey || !batch.manifestKey) {
        throw new DomainError('FILE_NOT_READY', `Batch ${batchId} of run ${runId} is not rendered yet.`);
      }
      const documents = granted(deps.documents, 'the documents bucket');
      await audits.record({
        eventId: newId('E'),
        at: deps.now().toISOString(),
        action: 'DOWNLOAD_LETTER_BATCH',
        actor: request.actor,
        entityType: 'campaign',
        entityId: campaignId,
        requestId: request.requestId,
        details: { runId, batchId, letters: batch.summary.letters },
      });
      const name = batch.pdfKey.split('/').pop() ?? 'lettres.pdf';
      const [downloadUrl, manifestUrl] = await Promise.all([
        documents.downloadUrl(batch.pdfKey, {
          expiresInSeconds: BATCH_URL_SECONDS,
          fileName: name,
          contentType: 'application/pdf',
        }),
        documents.downloadUrl(batch.manifestKey, {
          expiresInSeconds: BATCH_URL_SECONDS,
          fileName: name.replace(/\.pdf$/, '.csv'),
          contentType: 'text/csv; charset=utf-8',
        }),
      ]);
      return {
        downloadUrl,
        manifestUrl,
        expiresAt: new Date(deps.now().getTime() + BATCH_URL_SECONDS * 1000).toISOString(),
      };
    },
  };
}

export type LetterRunService = ReturnType<typeof createLetterRunService>;
