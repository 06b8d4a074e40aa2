/**
 * Sends a request again and again until the server answers or the person gives up: for writes that carry
 * an Idempotency-Key, where sending the same request twice is safe and not knowing the outcome is not.
 * "No answer" is a network failure, a timeout, a 5xx, or a 409 CONFLICT (the ledger was busy); any other
 * answer, success or refusal, ends the loop.
 */
import { ApiError } from './api-client.ts';

export class GaveUpError extends Error {
  override readonly name = 'GaveUpError';
}

export interface RetryOptions {
  /** Aborted when the person gives up: the request in flight is cancelled and GaveUpError thrown. */
  readonly giveUp: AbortSignal;
  /** Called before each new attempt after the first (2, 3, …), with the failure that caused it. */
  readonly onRetry?: (attempt: number, cause: unknown) => void;
  /** One attempt's time limit. */
  readonly timeoutMs?: number;
  /** Pauses between attempts; the last one repeats. */
  readonly delaysMs?: readonly number[];
}

export function isUnanswered(error: unknown): boolean {
  if (!(error instanceof ApiError)) return error instanceof DOMException; // our own timeout's abort
  return error.code === 'NETWORK' || error.status >= 500 || error.code === 'CONFLICT' || error.status === 408;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function retryUntilAnswered<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { giveUp, timeoutMs = 15_000, delaysMs = [500, 1000, 2000, 4000, 8000] } = options;
  for (let count = 1; ; count += 1) {
    if (giveUp.aborted) throw new GaveUpError();
    // One controller per attempt, aborted by the time limit or by giving up (AbortSignal.any is too new
    // for the phones this page must run on).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const forward = () => controller.abort();
    giveUp.addEventListener('abort', forward, { once: true });
    try {
      return await attempt(controller.signal);
    } catch (error) {
      if (giveUp.aborted) throw new GaveUpError();
      if (!isUnanswered(error)) throw error;
      const base = delaysMs[Math.min(count - 1, delaysMs.length - 1)] ?? 1000;
      // Jitter, so that tills that lost the network together do not come back together.
      await pause(base * (0.8 + Math.random() * 0.4), giveUp);
      if (giveUp.aborted) throw new GaveUpError();
      options.onRetry?.(count + 1, error);
    } finally {
      clearTimeout(timer);
      giveUp.removeEventListener('abort', forward);
    }
  }
}
