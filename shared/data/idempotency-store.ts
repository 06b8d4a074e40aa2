/**
 * Idempotency records: the answer of a write, stored under the caller's Idempotency-Key in the same
 * transaction as the write itself, so a crash can never leave one without the other. A retry with the same
 * key and the same request gets the stored answer; the same key with another request is refused.
 * Records live at least 24 hours (TTL after 48 hours: DynamoDB deletes expired items lazily).
 */

import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { idempotencyKeys, type Key } from './keys.ts';
import { getItem, type Item, type TableContext } from './table.ts';
import type { TransactItem } from './transactions.ts';

export const IDEMPOTENCY_TTL_SECONDS = 48 * 3600;

export interface IdempotencyScope {
  /** Whose key space: keys of different users never collide. */
  readonly userId: string;
  readonly key: string;
  /** Hash of the operation and its input (see requestHash). */
  readonly requestHash: string;
}

export interface StoredAnswer<T> {
  readonly statusCode: number;
  readonly body: T;
}

/** A stable hash of what was asked: the operation and its parameters, whatever the key order. */
export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createIdempotencyStore(table: TableContext) {
  /** The stored answer in a record read for this key, if any; refuses a key reused for another request. */
  const answerOf = <T>(scope: IdempotencyScope, item: Item | undefined, now: Date): StoredAnswer<T> | undefined => {
    if (!item || Number(item.expiresAt) <= epochSeconds(now)) return undefined;
    if (item.requestHash !== scope.requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request. Use a new key for a new operation.',
      );
    }
    return { statusCode: Number(item.statusCode), body: item.body as T };
  };

  return {
    /** Where the record of this key lives: for a caller that reads it together with what it decides on. */
    keyOf: (scope: Pick<IdempotencyScope, 'userId' | 'key'>): Key => idempotencyKeys.item(scope.userId, scope.key),

    answerOf,

    /** The stored answer for this key, if any; refuses a key reused for another request. */
    async replay<T>(scope: IdempotencyScope, now: Date): Promise<StoredAnswer<T> | undefined> {
      return answerOf<T>(scope, await getItem(table, idempotencyKeys.item(scope.userId, scope.key)), now);
    },

    /** The transaction item that records the answer; fails its condition if the key is already taken. */
    recordItem<T>(scope: IdempotencyScope, answer: StoredAnswer<T>, now: Date): TransactItem {
      const nowSeconds = epochSeconds(now);
      return {
        Put: {
          TableName: table.tableName,
          Item: {
            ...idempotencyKeys.item(scope.userId, scope.key),
            type: 'IdempotencyRecord',
            requestHash: scope.requestHash,
            statusCode: answer.statusCode,
            body: answer.body,
            createdAt: now.toISOString(),
            expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
          },
          // An expired record that DynamoDB has not deleted yet no longer protects its key.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        },
      };
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
