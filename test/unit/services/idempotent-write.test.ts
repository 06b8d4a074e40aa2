/**
 * The retry loop of every idempotent write, over an in-memory key store: replays, refusals on the key,
 * lost races, domain refusals that a concurrent twin explains, contention and the time budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdempotencyStore, StoredAnswer } from '../../../shared/data/idempotency-store.ts';
import { ContentionTimeoutError, type TransactionOutcome } from '../../../shared/data/transactions.ts';
import { DomainError, isDomainError } from '../../../shared/errors/domain-error.ts';
import { idempotentWrite, type WriteAttempt } from '../../../shared/services/idempotent-write.ts';

const scope = { userId: 'u1', key: 'k1', requestHash: 'h1' };
const now = () => new Date('2026-11-30T10:00:00.000Z');

/** A key store in memory: what `replay` finds is what a committed write stored. */
function memoryStore() {
  const stored = new Map<string, StoredAnswer<unknown>>();
  let lookUps = 0;
  const store = {
    async replay<T>() {
      lookUps++;
      return stored.get(scope.key) as StoredAnswer<T> | undefined;
    },
    recordItem: () => ({}),
  } as unknown as IdempotencyStore;
  return { store, stored, lookUps: () => lookUps };
}

const outcome = (committed: boolean, failedParts: string[] = [], conflicts = 0): TransactionOutcome => ({
  committed,
  conflicts,
  failed: (part) => failedParts.includes(part),
  current: () => undefined,
});

describe('idempotentWrite', () => {
  it('replays a stored answer without writing', async () => {
    const { store, stored } = memoryStore();
    stored.set('k1', { statusCode: 201, body: { id: 'first' } });
    let attempts = 0;
    const result = await idempotentWrite(store, scope, now, async () => {
      attempts++;
      return { outcome: outcome(true), answer: { id: 'second' } };
    });
    expect(result).toEqual({ answer: { id: 'first' }, replayed: true, retries: 0 });
    expect(attempts).toBe(0);
  });

  it('writes once and answers when the transaction commits', async () => {
    const { store, lookUps } = memoryStore();
    const result = await idempotentWrite(store, scope, now, async () => ({
      outcome: outcome(true, [], 2),
      answer: { id: 'new' },
    }));
    expect(result).toEqual({ answer: { id: 'new' }, replayed: false, retries: 2 });
    expect(lookUps()).toBe(1);
  });

  it('answers with the winner’s answer when a twin request took the key first', async () => {
    const { store, stored } = memoryStore();
    const result = await idempotentWrite(store, scope, now, async () => {
      // The twin commits between our look-up and our write.
      stored.set('k1', { statusCode: 201, body: { id: 'twin' } });
      return { outcome: outcome(false, ['idempotency']), answer: { id: 'ours' } };
    });
    expect(result.answer).toEqual({ id: 'twin' });
    expect(result.replayed).toBe(true);
  });

  it('decides again after a refusal on another part, until the write commits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), async (refusals) => {
        const { store, lookUps } = memoryStore();
        let attempts = 0;
        const result = await idempotentWrite(store, scope, now, async (): Promise<WriteAttempt<number>> => {
          attempts++;
          return { outcome: outcome(attempts > refusals, ['voucher']), answer: attempts };
        });
        expect(result).toEqual({ answer: refusals + 1, replayed: false, retries: refusals });
        // The key is looked up once: a refusal on the voucher says nothing new about the key.
        expect(lookUps()).toBe(1);
      }),
      { numRuns: 20 },
    );
  });

  it('returns a concurrent twin’s answer rather than the refusal its write caused', async () => {
    const { store, stored } = memoryStore();
    const result = await idempotentWrite(store, scope, now, async () => {
      stored.set('k1', { statusCode: 201, body: { balanceAfterCents: 0 } });
      throw new DomainError('INSUFFICIENT_BALANCE', 'spent by the twin');
    });
    expect(result).toEqual({ answer: { balanceAfterCents: 0 }, replayed: true, retries: 0 });
  });

  it('lets the attempt look the key up in its own read in the first round, and looks it up itself later', async () => {
    const { store, stored, lookUps } = memoryStore();
    stored.set('k1', { statusCode: 201, body: { id: 'first' } });
    const rounds: boolean[] = [];
    const replayed = await idempotentWrite(
      store,
      scope,
      now,
      async ({ checkKey }) => {
        rounds.push(checkKey);
        return { stored: { statusCode: 201, body: { id: 'read with the voucher' } } };
      },
      { attemptReadsKey: true },
    );
    expect(replayed).toEqual({ answer: { id: 'read with the voucher' }, replayed: true, retries: 0 });
    expect(rounds).toEqual([true]);
    expect(lookUps()).toBe(0);

    // Refused on the key: the winner's answer comes from the loop's own look-up, not from another attempt.
    const again = memoryStore();
    const checks: boolean[] = [];
    const result = await idempotentWrite(
      again.store,
      scope,
      now,
      async ({ checkKey }) => {
        checks.push(checkKey);
        again.stored.set('k1', { statusCode: 201, body: { id: 'twin' } });
        return { outcome: outcome(false, ['idempotency']), answer: { id: 'mine' } };
      },
      { attemptReadsKey: true },
    );
    expect(result).toEqual({ answer: { id: 'twin' }, replayed: true, retries: 1 });
    expect(checks).toEqual([true]);
    expect(again.lookUps()).toBe(1);
  });

  it('passes a real refusal on, and turns contention or an exhausted budget into CONFLICT', async () => {
    const codeOf = async (attempt: () => Promise<WriteAttempt<unknown>>, budgetMs?: number) => {
      try {
        await idempotentWrite(memoryStore().store, scope, now, attempt, { budgetMs });
      } catch (error) {
        return isDomainError(error) ? error.code : 'OTHER';
      }
      return 'ANSWERED';
    };
    expect(
      await codeOf(async () => {
        throw new DomainError('VOUCHER_EXPIRED', 'too late');
      }),
    ).toBe('VOUCHER_EXPIRED');
    expect(
      await codeOf(async () => {
        throw new ContentionTimeoutError('busy');
      }),
    ).toBe('CONFLICT');
    expect(await codeOf(async () => ({ outcome: outcome(false, ['voucher']), answer: 1 }), 0)).toBe('CONFLICT');
    expect(
      await codeOf(async () => {
        throw new Error('socket hang up');
      }),
    ).toBe('OTHER');
  });
});

describe('idempotentWrite budget', () => {
  it('gives each round’s transaction only what is left of the one budget, then answers CONFLICT', async () => {
    const { store } = memoryStore();
    const budgets: number[] = [];
    const started = Date.now();
    const attempt = idempotentWrite(
      store,
      scope,
      now,
      async ({ budgetMs }) => {
        budgets.push(budgetMs);
        // A refused write that took a while, as on a busy voucher.
        await new Promise((resolve) => setTimeout(resolve, 40));
        return { outcome: outcome(false, ['voucher']), answer: {} };
      },
      { budgetMs: 300 },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(budgets.length).toBeGreaterThan(1);
    expect(budgets[0]).toBeLessThanOrEqual(300);
    expect(budgets[0]).toBeGreaterThan(250);
    // Never more than what is left: each round's allowance shrinks with the time already spent.
    for (let round = 1; round < budgets.length; round += 1) {
      expect(budgets[round]).toBeLessThan(budgets[round - 1] ?? 0);
      expect(budgets[round]).toBeGreaterThanOrEqual(0);
    }
    // The whole write stays within its budget plus the last attempt.
    expect(Date.now() - started).toBeLessThan(300 + 40 + 100);
  });
});
