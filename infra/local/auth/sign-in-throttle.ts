/**
 * Failed password sign-ins per username, over a sliding window: after `maxFailures` in `windowMs` the
 * username is locked until the oldest of them leaves the window, whatever password comes next. A success
 * clears nothing, so an attacker who also knows one good password cannot interleave it to keep guessing.
 */

export interface SignInThrottleOptions {
  /** @default 5 */
  readonly maxFailures?: number;
  /** @default 15 minutes */
  readonly windowMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export interface SignInThrottle {
  /** Seconds until `username` may try again, or undefined when it may try now. */
  lockedFor(username: string): number | undefined;
  recordFailure(username: string): void;
}

/** Beyond this many usernames tracked, expired entries are swept (the usernames are the caller's choice). */
const SWEEP_ABOVE = 10_000;

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();

  // Case-folded, so that `Admin` and `ADMIN` do not each buy another round of guesses.
  const keyOf = (username: string) => username.trim().toLowerCase();
  const recent = (key: string, at: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((time) => time > at - windowMs);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };

  return {
    lockedFor(username) {
      const at = now();
      const times = recent(keyOf(username), at);
      if (times.length < maxFailures) return undefined;
      // The lock lifts when fewer than maxFailures failures remain inside the window.
      const liftsAt = (times[times.length - maxFailures] ?? at) + windowMs;
      return Math.max(1, Math.ceil((liftsAt - at) / 1000));
    },
    recordFailure(username) {
      const at = now();
      const key = keyOf(username);
      failures.set(key, [...recent(key, at), at]);
      if (failures.size > SWEEP_ABOVE) for (const other of [...failures.keys()]) recent(other, at);
    },
  };
}
