/**
 * Counts failed voucher look-ups (unknown code, wrong check character) in 15-minute windows, per subject: a
 * shop (its merchant id), or a public client address (lookupMissKeys.publicClient). A subject that reaches
 * the limit over the current and the previous window is refused further look-ups until the current window
 * ends: so no sliding 15 minutes ever allows more than MAX_MISSES guesses. (Concurrent misses
 * can overshoot by the number in flight; the bound stays tiny next to 2^80 codes.)
 */
import { epochSeconds } from '../time/epoch-seconds.ts';
import { type Key, lookupMissKeys } from './keys.ts';
import { getItems, type Item, type TableContext, updateItem } from './table.ts';

export const MISS_WINDOW_SECONDS = 15 * 60;
export const MAX_MISSES = 20;

export function createLookupMisses(
  table: TableContext,
  limits = { windowSeconds: MISS_WINDOW_SECONDS, maxMisses: MAX_MISSES },
) {
  const windowStart = (now: Date) => Math.floor(now.getTime() / 1000 / limits.windowSeconds) * limits.windowSeconds;

  /** The two windows that decide whether `subject` is throttled now: the current one and the one before. */
  const windowKeys = (subject: string, now: Date): [Key, Key] => {
    const current = windowStart(now);
    return [lookupMissKeys.item(subject, current), lookupMissKeys.item(subject, current - limits.windowSeconds)];
  };

  /** Seconds to wait when the windows read (windowKeys) hold the limit, else undefined. */
  const retryAfterOf = (windows: ReadonlyArray<Item | undefined>, now: Date): number | undefined => {
    const misses = windows.reduce((sum, item) => sum + Number(item?.misses ?? 0), 0);
    if (misses < limits.maxMisses) return undefined;
    return Math.max(1, windowStart(now) + limits.windowSeconds - epochSeconds(now));
  };

  return {
    limits,
    windowKeys,
    retryAfterOf,

    /** Seconds to wait when the subject is throttled now, else undefined. */
    async retryAfter(subject: string, now: Date): Promise<number | undefined> {
      const [current, previous] = windowKeys(subject, now);
      const windows = await getItems(table, { current, previous });
      return retryAfterOf([windows.current, windows.previous], now);
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
