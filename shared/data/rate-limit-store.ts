/**
 * Fixed-window rate limits for public routes, counted in the table per client reference (a keyed hash, never
 * the address itself) so every Lambda instance shares them. A refused request is not counted.
 */

import { DomainError } from '../errors/domain-error.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { rateLimitKeys } from './keys.ts';
import { type TableContext, updateItem } from './table.ts';

export interface RateLimit {
  readonly scope: string;
  readonly windowSeconds: number;
  readonly max: number;
}

export function createRateLimitStore(table: TableContext) {
  return {
    /** Counts one request of `subjectRef`, or throws TOO_MANY_ATTEMPTS (with Retry-After) over the limit. */
    async consume(limit: RateLimit, subjectRef: string, now: Date): Promise<void> {
      const nowSeconds = epochSeconds(now);
      const windowStart = Math.floor(nowSeconds / limit.windowSeconds) * limit.windowSeconds;
      const counted = await updateItem(table, {
        Key: rateLimitKeys.item(limit.scope, subjectRef, windowStart),
        UpdateExpression: 'ADD requests :one SET expiresAt = :expires, #type = :type',
        ConditionExpression: 'attribute_not_exists(requests) OR requests < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':max': limit.max,
          ':expires': windowStart + 2 * limit.windowSeconds,
          ':type': 'RateWindow',
        },
      });
      if (!counted.applied) {
        const retryAfterSeconds = Math.max(1, windowStart + limit.windowSeconds - nowSeconds);
        throw new DomainError('TOO_MANY_ATTEMPTS', `Too many requests; try again in ${retryAfterSeconds} seconds.`, {
          retryAfterSeconds,
        });
      }
    },
  };
}

export type RateLimitStore = ReturnType<typeof createRateLimitStore>;
