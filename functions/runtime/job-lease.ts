/**
 * The heartbeat lease of the background runs (shared/jobs/job-lease.ts), read once at cold start. Unset in
 * AWS (the default holds); the local target sets it short for tests that wait for a lost worker's lease.
 */
import * as z from 'zod/mini';
import { DEFAULT_JOB_LEASE_SECONDS } from '../../shared/jobs/job-lease.ts';
import { loadConfig } from './config.ts';

export const JOB_LEASE_VARIABLE = 'JOB_LEASE_SECONDS';

export function jobLeaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const config = loadConfig(
    {
      [JOB_LEASE_VARIABLE]: z._default(
        z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3600)),
        DEFAULT_JOB_LEASE_SECONDS,
      ),
    },
    env,
  );
  return config[JOB_LEASE_VARIABLE] as number;
}
