/**
 * The heartbeat lease of a background run (issuance run, register import): the worker holding the run renews
 * `leaseUntil` each time it checkpoints; a run whose lease has run out while it is still PENDING or RUNNING
 * lost its worker (timeout, out of memory, an invoke that never came) and may be taken over and resumed from
 * its checkpoint, by a later invocation or by staff (POST …/resume). Times are epoch seconds, as DynamoDB
 * compares them in a condition.
 */
import { epochSeconds } from '../time/epoch-seconds.ts';

/**
 * How long a worker's sign of life holds by default: far longer than one checkpoint's work (a page of 100
 * vouchers, a batch of 100 people: seconds), far shorter than the hour staff would otherwise wait.
 */
export const DEFAULT_JOB_LEASE_SECONDS = 5 * 60;

/** The lease a sign of life at `now` gives. */
export const leaseFrom = (now: Date, leaseSeconds: number): number => epochSeconds(now) + leaseSeconds;

/**
 * Whether a run still PENDING or RUNNING has lost its worker. A run recorded before leases existed has none:
 * its worker, if any, has long hit Lambda's 15 minutes.
 */
export const leaseExpired = (leaseUntil: number | undefined, now: Date): boolean =>
  leaseUntil === undefined || leaseUntil < epochSeconds(now);

/** The lease as the API shows it. */
export const leaseExpiresAt = (leaseUntil: number | undefined): string | null =>
  leaseUntil === undefined ? null : new Date(leaseUntil * 1000).toISOString();
