/**
 * An issuance run: one pass over a campaign's issuable people that gives a voucher to each who holds none,
 * within the budget. Its counts add up exactly: every person it met is issued, already issued, or not issued
 * for lack of budget.
 */
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
  readonly error?: string;
}

export const ZERO_COUNTS: IssuanceCounts = { issued: 0, alreadyIssued: 0, notIssuedBudget: 0, issuedValueCents: 0 };
