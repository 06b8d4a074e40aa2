/**
 * Counts failed voucher look-ups (unknown code, wrong check character) in 15-minute windows, per subject: a
 * shop (its merchant id), or a public client address (lookupMissKeys.publicClient). A subject that reaches
 * the limit over the current and the previous window is refused further look-ups until the current window
 * ends: so no sliding 15 minutes ever allows more than MAX_MISSES guesses. (Concurrent misses
 * can overshoot by the number in flight; the bound stays tiny next to 2^80 codes.)
 */
import { lookupMissKeys } from './keys.ts';
import { queryPage, type TableContext, updateItem } from './table.ts';

export const MISS_WINDOW_SECONDS = 15 * 60;
export const MAX_MISSES = 20;

export function createLookupMisses(
  table: TableContext,
  limits = { windowSeconds: MISS_WINDOW_SECONDS, maxMisses: MAX_MISSES },
) {
  const windowStart = (now: Date) => Math.floor(now.getTime() / 1000 / limits.windowSeconds) * limits.windowSeconds;
  return {
    limits,
    /** Seconds to wait when the subject is throttled now, else undefined. */
    async retryAfter(subject: string, now: Date): Promise<number | undefined> {
      const current = windowStart(now);
      const result = await queryPage(table, {
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: {
          ':pk': lookupMissKeys.item(subject, current).pk,
          ':since': String(current - limits.windowSeconds),
        },
        ConsistentRead: true,
      });
      const misses = result.items
        .filter((item) => Number(item.sk) >= current - limits.windowSeconds)
        .reduce((sum, item) => sum + Number(item.misses ?? 0), 0);
      if (misses < limits.maxMisses) return undefined;
      return Math.max(1, current + limits.windowSeconds - Math.floor(now.getTime() / 1000));
    },

    async record(subject: string, now: Date): Promise<number> {
      const current = windowStart(now);
      const result = await updateItem(table, {
        Key: lookupMissKeys.item(subject, current),
        UpdateExpression: 'ADD misses :one SET expiresAt = :expires, #type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':expires': current + 3 * limits.windowSeconds,
          ':type': 'LookupMisses',
        },
        ReturnValues: 'UPDATED_NEW',
      });
      return Number(result.attributes?.misses ?? 0);
    },
  };
}

export type LookupMisses = ReturnType<typeof createLookupMisses>;
