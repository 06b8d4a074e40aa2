/**
 * Issuance runs as staff drive them: start one (202 with its id; the same Idempotency-Key gives the same run)
 * and follow its counts. The work itself is the background job of shared/services/issuance-job.ts.
 */
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { createIdempotencyStore, requestHash } from '../data/idempotency-store.ts';
import { createIssuanceStore } from '../data/issuance-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import { type IssuanceRun, issuanceRunStuck, ZERO_COUNTS } from '../issuance/issuance-run.ts';
import { leaseExpiresAt } from '../jobs/job-lease.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { idempotentWrite } from './idempotent-write.ts';
import type { StartJob } from './jobs.ts';

export interface IssuanceServiceDependencies {
  readonly table: TableContext;
  readonly now: () => Date;
  readonly startJob: StartJob;
  /**
   * How long a run is leased to the invocation that is to work on it.
   * @default DEFAULT_JOB_LEASE_SECONDS
   */
  readonly leaseSeconds?: number;
}

/** A run as staff see it: its record, and whether its worker is lost (the resume button). */
export interface IssuanceRunView extends IssuanceRun {
  readonly leaseExpiresAt: string | null;
  readonly stuck: boolean;
}

export interface StartIssuanceRequest {
  readonly actor: Actor;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly requestId: string;
}

export function createIssuanceService(deps: IssuanceServiceDependencies) {
  const runs = createIssuanceStore(deps.table, deps.leaseSeconds ? { leaseSeconds: deps.leaseSeconds } : {});
  const campaigns = createCampaignStore(deps.table);
  const idempotency = createIdempotencyStore(deps.table);
  const audits = createAuditStore(deps.table);

  const requireRun = async (campaignId: string, runId: string): Promise<IssuanceRun> => {
    const run = await runs.get(runId);
    if (!run || run.campaignId !== campaignId) {
      throw new DomainError('ISSUANCE_RUN_NOT_FOUND', `There is no issuance run ${runId} in campaign ${campaignId}.`);
    }
    return run;
  };

  return {
    async start(
      campaignId: string,
      request: StartIssuanceRequest,
    ): Promise<{ runId: string; status: IssuanceRun['status'] }> {
      if (!(await campaigns.get(campaignId))) {
        throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
      }
      const scope = {
        userId: request.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('startIssuance', { campaignId }),
      };
      const { answer } = await idempotentWrite<{ runId: string }>(idempotency, scope, deps.now, async () => {
        const at = deps.now().toISOString();
        const run: IssuanceRun = {
          runId: newId('R'),
          campaignId,
          status: 'PENDING',
          createdAt: at,
          createdBy: request.actor.userId,
          nextPart: 1,
          ...ZERO_COUNTS,
        };
        const answer = { runId: run.runId };
        const outcome = await transactWrite(deps.table, {
          run: runs.createItem(run),
          audit: audits.recordItem({
            eventId: newId('E'),
            at,
            action: 'START_ISSUANCE',
            actor: request.actor,
            entityType: 'issuanceRun',
            entityId: run.runId,
            requestId: request.requestId,
            details: { campaignId },
          }),
          idempotency: idempotency.recordItem(scope, { statusCode: 202, body: answer }, deps.now()),
        });
        return { outcome, answer };
      });
      const run = await runs.get(answer.runId);
      if (!run) throw new Error(`Issuance run ${answer.runId} recorded but not found`);
      // Started on the first request, and again on a retry while it has not begun (the start may have
      // failed after the run was recorded). A duplicate start is harmless: only one worker claims the run.
      if (run.status === 'PENDING') await deps.startJob('issueVouchers', { runId: run.runId });
      return { runId: run.runId, status: run.status };
    },

    async get(campaignId: string, runId: string): Promise<IssuanceRunView> {
      const run = await requireRun(campaignId, runId);
      return { ...run, leaseExpiresAt: leaseExpiresAt(run.leaseUntil), stuck: issuanceRunStuck(run, deps.now()) };
    },

    /**
     * Staff resume a run whose worker was lost (its lease ran out while PENDING or RUNNING): a new worker
     * invocation takes it over at its last checkpoint. The same Idempotency-Key gives the same answer; a run
     * that is over, or whose worker still shows signs of life, is refused.
     */
    async resume(
      campaignId: string,
      runId: string,
      request: StartIssuanceRequest,
    ): Promise<{ runId: string; status: IssuanceRun['status'] }> {
      const scope = {
        userId: request.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('resumeIssuance', { campaignId, runId }),
      };
      await idempotentWrite<{ runId: string }>(idempotency, scope, deps.now, async () => {
        const run = await requireRun(campaignId, runId);
        const now = deps.now();
        if (run.status === 'DONE' || run.status === 'FAILED') {
          throw new DomainError(
            'RUN_FINISHED',
            `Issuance run ${runId} is over (${run.status}): there is nothing to resume.`,
            {
              status: run.status,
            },
          );
        }
        if (!issuanceRunStuck(run, now)) {
          throw new DomainError(
            'RUN_NOT_STUCK',
            `Issuance run ${runId} is still held by its worker until ${leaseExpiresAt(run.leaseUntil)}; resume it only once that has passed without a sign of life.`,
            { leaseExpiresAt: leaseExpiresAt(run.leaseUntil) },
          );
        }
        const answer = { runId };
        const outcome = await transactWrite(deps.table, {
          run: runs.resumeItem(runId, now),
          audit: audits.recordItem({
            eventId: newId('E'),
            at: now.toISOString(),
            action: 'RESUME_ISSUANCE',
            actor: request.actor,
            entityType: 'issuanceRun',
            entityId: runId,
            requestId: request.requestId,
            details: { campaignId, status: run.status, issued: run.issued },
          }),
          idempotency: idempotency.recordItem(scope, { statusCode: 202, body: answer }, now),
        });
        return { outcome, answer };
      });
      const run = await requireRun(campaignId, runId);
      // As for start: started again on a retry while no invocation has claimed it yet.
      if (run.status === 'PENDING') await deps.startJob('issueVouchers', { runId });
      return { runId, status: run.status };
    },
  };
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;
