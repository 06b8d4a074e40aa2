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
import { type IssuanceRun, ZERO_COUNTS } from '../issuance/issuance-run.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { idempotentWrite } from './idempotent-write.ts';
import type { StartJob } from './jobs.ts';

export interface IssuanceServiceDependencies {
  readonly table: TableContext;
  readonly now: () => Date;
  readonly startJob: StartJob;
}

export interface StartIssuanceRequest {
  readonly actor: Actor;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly requestId: string;
}

export function createIssuanceService(deps: IssuanceServiceDependencies) {
  const runs = createIssuanceStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const idempotency = createIdempotencyStore(deps.table);
  const audits = createAuditStore(deps.table);

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

    async get(campaignId: string, runId: string): Promise<IssuanceRun> {
      const run = await runs.get(runId);
      if (!run || run.campaignId !== campaignId) {
        throw new DomainError('ISSUANCE_RUN_NOT_FOUND', `There is no issuance run ${runId} in campaign ${campaignId}.`);
      }
      return run;
    },
  };
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;
