/**
 * The budget of a use case that decides again when its write is refused (issue 13, item 7): rounds stop
 * with 409 CONFLICT once it is spent, and the transaction's own retries on conflicts spend from it too.
 */
import { describe, expect, it } from 'vitest';
import type { TableContext } from '../../../shared/data/table.ts';
import { DomainError } from '../../../shared/errors/domain-error.ts';
import { DECISION_BUDGET_MS, decisionDeadline } from '../../../shared/services/decision-deadline.ts';

const clock = () => {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
};

/** A table whose every transaction is cancelled by a conflict with another one. */
function contendedTable(): { table: TableContext; attempts: () => number } {
  let attempts = 0;
  const send = async () => {
    attempts++;
    throw Object.assign(new Error('Transaction cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'TransactionConflict' }],
    });
  };
  return { table: { doc: { send } as never, tableName: 't' }, attempts: () => attempts };
}

describe('decision deadline', () => {
  it('lets the first round run however late, then refuses a round once the budget is spent', () => {
    const time = clock();
    const deadline = decisionDeadline(1_000, time.now);
    time.advance(5_000);
    expect(() => deadline.nextRound()).not.toThrow();
    expect(() => deadline.nextRound()).toThrow(DomainError);
    try {
      deadline.nextRound();
    } catch (error) {
      expect((error as DomainError).code).toBe('CONFLICT');
    }
  });

  it('allows rounds while time is left', () => {
    const time = clock();
    const deadline = decisionDeadline(1_000, time.now);
    for (let round = 0; round < 5; round++) {
      deadline.nextRound();
      time.advance(100);
    }
  });

  it('gives the transaction only what is left, and its giving up on conflicts is a 409 CONFLICT', async () => {
    const { table, attempts } = contendedTable();
    const deadline = decisionDeadline(150);
    const started = Date.now();
    const failure = await deadline.transact(table, { item: { Put: { TableName: 't', Item: {} } } }).catch((e) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('CONFLICT');
    expect(attempts()).toBeGreaterThan(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stays below the functions’ 10 s', () => {
    expect(DECISION_BUDGET_MS).toBeLessThan(10_000);
  });
});
