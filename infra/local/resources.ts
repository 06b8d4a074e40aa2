/**
 * Names of the local target's resources and the environment its handlers get. In AWS the CDK constructs
 * set the same variables (TABLE_NAME, DOCUMENTS_BUCKET, ...) to the generated physical names.
 */
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

/** The endpoints of a running local target (no Step Functions endpoint yet: the runner is used directly). */
export type RunningEndpoints = Required<Omit<LocalEndpoints, 'sfn'>>;

/** Everything a handler module reads from process.env at cold start, for the local target. */
export function handlerEnvironment(endpoints: LocalEndpoints, logLevel: string): Record<string, string> {
  return {
    AWS_REGION: 'eu-west-1',
    STAGE: 'local',
    TABLE_NAME: LOCAL_RESOURCES.tableName,
    DOCUMENTS_BUCKET: LOCAL_RESOURCES.buckets.documents,
    LOCAL_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    LOCAL_S3_ENDPOINT: endpoints.s3,
    LOCAL_SES_ENDPOINT: endpoints.ses,
    ...(endpoints.sfn ? { LOCAL_SFN_ENDPOINT: endpoints.sfn } : {}),
    ...(endpoints.lambda ? { LOCAL_LAMBDA_ENDPOINT: endpoints.lambda } : {}),
    LOCAL_SECRETS_ENDPOINT: endpoints.secrets,
    VOUCHER_CODE_KEY_SECRET_ID: LOCAL_RESOURCES.secrets.voucherCodeKey,
    PERSON_KEY_SECRET_ID: LOCAL_RESOURCES.secrets.personKey,
    IMPORT_REGISTER_FUNCTION_NAME: LOCAL_RESOURCES.jobs.importRegister,
    ISSUE_VOUCHERS_FUNCTION_NAME: LOCAL_RESOURCES.jobs.issueVouchers,
    POWERTOOLS_SERVICE_NAME: 'voucher-platform',
    POWERTOOLS_LOG_LEVEL: logLevel,
    // No CloudWatch locally: metrics would only be JSON noise on the console.
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}
