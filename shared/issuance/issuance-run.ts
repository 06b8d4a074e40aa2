/**
 * An issuance run: one pass over a campaign's issuable people that gives a voucher to each who holds none,
 * within the budget. Its counts add up exactly: every person it met is issued, already issued, or not issued
 * for lack of budget.
 */
import { leaseExpired } from '../jobs/job-lease.ts';

export const ISSUANCE_STATUSES = ['PENDING', 'RUNNING', 'DONE', 'FAILED'] as const;
export type IssuanceStatus = (typeof ISSUANCE_STATUSES)[number];

export interface IssuanceCounts {
  readonly issued: number;
  /** People who already held a voucher of the campaign (a former run, an approval, a concurrent run). */
  readonly alreadyIssued: number;
  /** People who would have got one, had the budget allowed. */
  readonly notIssuedBudget: number;
  readonly issuedValueCents: number;
}

export interface IssuanceRun extends IssuanceCounts {
  readonly runId: string;
  readonly campaignId: string;
  readonly status: IssuanceStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Where a worker that ran out of time stopped (the index's LastEvaluatedKey); the next one resumes there. */
  readonly cursor?: Record<string, unknown>;
  /** Number of the next letter-manifest part to write. */
  readonly nextPart: number;
  /** The worker invocation holding the run while RUNNING. */
  readonly workerToken?: string;
  /**
   * Until when (epoch seconds) the run's worker, or the invocation it is waiting for, holds it: renewed at
   * every checkpoint (shared/jobs/job-lease.ts).
   */
  readonly leaseUntil?: number;
  /** The last time staff resumed the run after its worker was lost, and how many times they did. */
  readonly resumedAt?: string;
  readonly resumes?: number;
  readonly error?: string;
}

/** A run not over whose worker is gone: its lease ran out while it was PENDING or RUNNING. */
export function issuanceRunStuck(run: Pick<IssuanceRun, 'status' | 'leaseUntil'>, now: Date): boolean {
  return (run.status === 'PENDING' || run.status === 'RUNNING') && leaseExpired(run.leaseUntil, now);
}

export const ZERO_COUNTS: IssuanceCounts = { issued: 0, alreadyIssued: 0, notIssuedBudget: 0, issuedValueCents: 0 };
