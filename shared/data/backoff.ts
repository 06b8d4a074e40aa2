/**
 * The one retry pause of the data layer: exponential backoff with full jitter, so clients that were refused
 * together (contention on one item, throttling, unprocessed batch items) do not come back in lockstep.
 */

/** A random delay up to min(cap, base * 2^attempt) milliseconds. */
export function backoffMs(attempt: number, baseMs = 8, capMs = 250): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits before retry number `attempt` (0 for the first retry). */
export function pauseBeforeRetry(attempt: number, baseMs = 8, capMs = 250): Promise<void> {
  return sleep(backoffMs(attempt, baseMs, capMs));
}
