/**
 * The background jobs: worker Lambdas started by an async invoke (functions/runtime/jobs.ts), not by HTTP.
 * The CDK jobs construct (infra/constructs/jobs.ts) and the local Lambda endpoint
 * (infra/local/services/lambda.ts) are both built from this table, as the API is from the route table.
 */
import type { JobName } from '../../shared/services/jobs.ts';
import type { Permissions } from '../routes/route.ts';

export interface JobDefinition {
  readonly name: JobName;
  /** The handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** What the worker needs; the CDK construct grants exactly this. */
  readonly permissions: Permissions;
  /** Lambda's longest run is 15 minutes; a worker that may need more hands over to a fresh invocation. */
  readonly timeoutSeconds: number;
  readonly memorySize: number;
  /** Started by EventBridge Scheduler at this time of day, Brussels time, instead of by a request. */
  readonly dailyAt?: { readonly hour: number; readonly minute: number };
}

export const JOBS: Readonly<Record<JobName, JobDefinition>> = {
  importRegister: {
    name: 'importRegister',
    entry: 'functions/jobs/import-register.ts',
    description: 'Register import: streams the uploaded file from S3, keeps eligible people, writes the report',
    permissions: { table: 'readWrite', secrets: ['personKey'], buckets: { documents: 'readWrite' } },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  issueVouchers: {
    name: 'issueVouchers',
    entry: 'functions/jobs/issue-vouchers.ts',
    description: 'Issuance run: one voucher per eligible person within budget; sealed codes to the letter manifest',
    // It starts itself again to hand a long run over before its 15 minutes are up.
    permissions: {
      table: 'readWrite',
      secrets: ['voucherCodeKey'],
      buckets: { documents: 'readWrite' },
      jobs: ['issueVouchers'],
    },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  purgePersonalData: {
    name: 'purgePersonalData',
    entry: 'functions/jobs/purge-personal-data.ts',
    description:
      'Deletes the personal data of campaigns whose purge date has come (people, applications, proofs, reports)',
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' } },
    timeoutSeconds: 900,
    memorySize: 512,
    dailyAt: { hour: 3, minute: 30 },
  },
};

export const JOB_LIST: readonly JobDefinition[] = Object.values(JOBS);
