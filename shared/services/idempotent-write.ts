/**
 * The retry loop shared by every idempotent ledger write: replay a stored answer if the key was used,
 * otherwise read, decide and write in one transaction; when the transaction is refused because the state
 * moved on, start again from fresh reads. A refusal (DomainError) is checked against the key once more,
 * because a concurrent request with the same key may have just committed the very change that now makes
 * this one look refused: the caller must get that request's answer, not an error.
 */

import { backoffMs, sleep } from '../data/backoff.ts';
import type { IdempotencyScope, IdempotencyStore } from '../data/idempotency-store.ts';
import { ContentionTimeoutError, type TransactionOutcome } from '../data/transactions.ts';
import { DomainError, isDomainError } from '../errors/domain-error.ts';

export interface WriteAttempt<T> {
  /** The transaction's outcome; its idempotency record is the part named `idempotency`. */
  readonly outcome: TransactionOutcome;
  readonly answer: T;
}

export interface IdempotentResult<T> {
  readonly answer: T;
  readonly replayed: boolean;
  /** Transactions refused by contention or moved state before this result. */
  readonly retries: number;
}

export async function idempotentWrite<T>(
  store: IdempotencyStore,
  scope: IdempotencyScope,
  now: () => Date,
  attempt: () => Promise<WriteAttempt<T>>,
  /** Below the API functions' 10 s timeout, so the caller always gets an answer. */
  budgetMs = 8_000,
): Promise<IdempotentResult<T>> {
  const deadline = Date.now() + budgetMs;
  let retries = 0;
  // The key is looked up first, and again only when a write was refused on the key itself. Correctness does
  // not rest on this: the record's own condition in every transaction is what stops a second write.
  let lookUpKey = true;
  for (let round = 0; ; round += 1) {
    if (lookUpKey) {
      const stored = await store.replay<T>(scope, now());
      if (stored) return { answer: stored.body, replayed: true, retries };
      lookUpKey = false;
    }
    let result: WriteAttempt<T>;
    try {
      result = await attempt();
    } catch (error) {
      if (error instanceof ContentionTimeoutError) {
        throw new DomainError('CONFLICT', 'The voucher is busy right now. Retry with the same Idempotency-Key.');
      }
      if (!isDomainError(error)) throw error;
      const late = await store.replay<T>(scope, now());
      if (late) return { answer: late.body, replayed: true, retries };
      throw error;
    }
    retries += result.outcome.conflicts;
    if (result.outcome.committed) return { answer: result.answer, replayed: false, retries };
    retries += 1;
    if (result.outcome.failed('idempotency')) {
      lookUpKey = true; // the next round replays the winner's answer
      continue;
    }
    if (Date.now() > deadline) {
      throw new DomainError('CONFLICT', 'The voucher is busy right now. Retry with the same Idempotency-Key.');
    }
    // A refused condition means another write committed first: decide again on fresh reads, after a
    // jittered pause that grows with each lost round. Without it, a crowd on one voucher re-reads and
    // re-writes in lockstep and all but one attempt per round are wasted (quadratic work).
    await sleep(backoffMs(round, 10, 1000));
  }
}
