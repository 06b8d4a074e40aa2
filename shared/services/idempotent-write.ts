/**
 * The retry loop shared by every idempotent ledger write: replay a stored answer if the key was used,
 * otherwise read, decide and write in one transaction; when the transaction is refused because the state
 * moved on, start again from fresh reads. A refusal (DomainError) is checked against the key once more,
 * because a concurrent request with the same key may have just committed the very change that now makes
 * this one look refused: the caller must get that request's answer, not an error.
 */

import { sleep } from '../data/backoff.ts';
import type { IdempotencyScope, IdempotencyStore, StoredAnswer } from '../data/idempotency-store.ts';
import { ContentionTimeoutError, type TransactionOutcome } from '../data/transactions.ts';
import { DomainError, isDomainError } from '../errors/domain-error.ts';

/**
 * The pause before deciding again after a refused write: up to PAUSE_FACTOR times what the refused attempt took,
 * within these bounds (see below).
 */
const PAUSE_FACTOR = 16;
const MIN_PAUSE_MS = 10;
const MAX_PAUSE_MS = 2_000;

export interface WriteAttempt<T> {
  /** The transaction's outcome; its idempotency record is the part named `idempotency`. */
  readonly outcome: TransactionOutcome;
  readonly answer: T;
}

/** An attempt whose own read found the key's record (see IdempotentWriteOptions.attemptReadsKey). */
export interface StoredReplay<T> {
  readonly stored: StoredAnswer<T>;
}

export interface AttemptRound {
  /**
   * The attempt must look the key up itself, in the read it makes anyway (store.keyOf, store.answerOf), and
   * return `{ stored }` when it finds an answer. Only in the first round, and only with `attemptReadsKey`.
   */
  readonly checkKey: boolean;
  /**
   * What is left of the whole write's budget as the round starts: the most its transaction may spend
   * retrying contention (transactWrite's `budgetMs`), so the rounds and the retries inside them together
   * stay below the function's timeout.
   */
  readonly budgetMs: number;
}

/**
 * The whole write's budget by default: below the API functions' 10 s timeout with room for the reads of the
 * last round, one request that outlives the budget (the clients' timeouts bound it) and the answer.
 */
export const WRITE_BUDGET_MS = 7_000;

export interface IdempotentWriteOptions {
  /** @default WRITE_BUDGET_MS */
  readonly budgetMs?: number;
  /**
   * The first round's key look-up is part of the attempt's own read (one round trip instead of two); later
   * look-ups, after a write refused on the key, are this loop's.
   */
  readonly attemptReadsKey?: boolean;
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
  attempt: (round: AttemptRound) => Promise<WriteAttempt<T> | StoredReplay<T>>,
  options: IdempotentWriteOptions = {},
): Promise<IdempotentResult<T>> {
  const deadline = Date.now() + (options.budgetMs ?? WRITE_BUDGET_MS);
  let retries = 0;
  // The key is looked up first, and again only when a write was refused on the key itself. Correctness does
  // not rest on this: the record's own condition in every transaction is what stops a second write.
  let lookUpKey = true;
  for (let round = 0; ; round += 1) {
    const checkKey = round === 0 && options.attemptReadsKey === true;
    if (lookUpKey && !checkKey) {
      const stored = await store.replay<T>(scope, now());
      if (stored) return { answer: stored.body, replayed: true, retries };
    }
    lookUpKey = false;
    let result: WriteAttempt<T> | StoredReplay<T>;
    const started = Date.now();
    try {
      result = await attempt({ checkKey, budgetMs: Math.max(0, deadline - started) });
    } catch (error) {
      if (error instanceof ContentionTimeoutError) {
        throw new DomainError('CONFLICT', 'The voucher is busy right now. Retry with the same Idempotency-Key.');
      }
      if (!isDomainError(error)) throw error;
      const late = await store.replay<T>(scope, now());
      if (late) return { answer: late.body, replayed: true, retries };
      throw error;
    }
    if ('stored' in result) return { answer: result.stored.body, replayed: true, retries };
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
    // A refused condition means another write committed first: decide again, on fresh reads, after a random
    // pause of up to PAUSE_FACTOR times what the refused attempt took. On a hot item the writes queue, and
    // that time measures the queue: a crowd that comes back sooner only lengthens it, each write refused for
    // a state that moved on while it waited (quadratic work). Spread this wide, few attempts overlap, so most
    // succeed. Measured by `npm run bench -- hot` (64 tills, one voucher): with a factor of 2, 10 to 38 tills
    // ran out of time; with 16, none did, in fewer attempts. Two tills that collide wait a few tens of ms.
    const ceiling = Math.min(MAX_PAUSE_MS, PAUSE_FACTOR * (Date.now() - started), deadline - Date.now());
    await sleep(Math.random() * Math.max(MIN_PAUSE_MS, ceiling));
  }
}
