/**
 * Background jobs, as the services see them: a name and a payload. How a job is started (Lambda async
 * invoke in AWS, the local Lambda endpoint locally) is the caller's business (functions/runtime/jobs.ts).
 */
export const JOB_NAMES = ['importRegister', 'issueVouchers', 'purgePersonalData'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobPayloads {
  readonly importRegister: { readonly importId: string };
  readonly issueVouchers: { readonly runId: string };
  /** Scheduled daily; nothing to say. */
  readonly purgePersonalData: Readonly<Record<string, never>>;
}

/** Starts a job and returns once it is accepted (not done). */
export type StartJob = <J extends JobName>(job: J, payload: JobPayloads[J]) => Promise<void>;
