/**
 * Names of the local target's resources and the environment its handlers get. In AWS the CDK constructs
 * set the same variables (TABLE_NAME, DOCUMENTS_BUCKET, ...) to the generated physical names.
 */
import {
  ENV,
  jobFunctionVariable,
  LOCAL_ENDPOINT_VARIABLES,
  secretIdVariable,
} from '../../functions/runtime/environment-variables.ts';

export const LOCAL_RESOURCES = {
  tableName: 'voucher-platform-local',
  buckets: {
    documents: 'voucher-documents-local',
  },
  secrets: {
    /** HMAC key of voucher codes (shared/vouchers/code-hash.ts). */
    voucherCodeKey: 'voucher-code-key',
    /** HMAC key of national numbers and household ids (shared/people/person-ref.ts). */
    personKey: 'person-key',
  },
  /**
   * Background jobs: in AWS the variables hold the worker functions' names; locally the job's own name,
   * which the local Lambda endpoint (infra/local/services/lambda.ts) maps to its handler module.
   */
  jobs: {
    importRegister: 'importRegister',
    issueVouchers: 'issueVouchers',
    purgePersonalData: 'purgePersonalData',
  },
} as const;

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly s3: string;
  readonly ses: string;
  readonly sfn?: string;
  readonly lambda?: string;
  readonly secrets: string;
}

/** The endpoints of a running local target: every service, Step Functions included. */
export type RunningEndpoints = Required<LocalEndpoints>;

/** Everything a handler module reads from process.env at cold start, for the local target. */
export function handlerEnvironment(endpoints: LocalEndpoints, logLevel: string): Record<string, string> {
  const localEndpoints = Object.entries(endpoints).flatMap(([service, url]) =>
    url ? [[LOCAL_ENDPOINT_VARIABLES[service as keyof LocalEndpoints], url]] : [],
  );
  return {
    [ENV.region]: 'eu-west-1',
    [ENV.stage]: 'local',
    [ENV.tableName]: LOCAL_RESOURCES.tableName,
    [ENV.documentsBucket]: LOCAL_RESOURCES.buckets.documents,
    ...Object.fromEntries(localEndpoints),
    ...Object.fromEntries(
      Object.entries(LOCAL_RESOURCES.secrets).map(([name, secretId]) => [secretIdVariable(name), secretId]),
    ),
    ...Object.fromEntries(
      Object.entries(LOCAL_RESOURCES.jobs).map(([job, functionName]) => [jobFunctionVariable(job), functionName]),
    ),
    POWERTOOLS_SERVICE_NAME: 'voucher-platform',
    POWERTOOLS_LOG_LEVEL: logLevel,
    // No CloudWatch locally: metrics would only be JSON noise on the console.
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}
