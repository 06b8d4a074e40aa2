/**
 * A time budget for a use case that reads, decides and writes again when its conditional write is refused
 * (someone else decided meanwhile). Each round, and the transaction's own retries on conflicts, spend from
 * the same budget, so the caller gets 409 CONFLICT (ask again) well inside the function's 10 s instead of
 * an API Gateway timeout.
 */
import type { TableContext } from '../data/table.ts';
import { ContentionTimeoutError, type TransactionParts, transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';

/** Below the functions' 10 s, with room for the reads of a round and the answer. */
export const DECISION_BUDGET_MS = 6_000;

function conflict(): DomainError {
  return new DomainError('CONFLICT', 'Others are changing this at the same moment; ask again in a few seconds.');
}

export function decisionDeadline(budgetMs = DECISION_BUDGET_MS, now: () => number = Date.now) {
  const deadline = now() + budgetMs;
  let rounds = 0;
  return {
    /** Call at the start of each round: from the second on, 409 CONFLICT once the budget is spent. */
    nextRound(): void {
      if (rounds++ > 0 && now() >= deadline) throw conflict();
    },
    /** transactWrite with what is left of the budget; its giving up on conflicts is a 409 CONFLICT too. */
    async transact<Parts extends TransactionParts>(table: TableContext, parts: Parts) {
      try {
        return await transactWrite(table, parts, { budgetMs: Math.max(0, deadline - now()) });
      } catch (error) {
        if (error instanceof ContentionTimeoutError) throw conflict();
        throw error;
      }
    },
  };
}
