/**
 * The names of the variables a handler reads at cold start. CDK grants (infra/constructs/) and the local
 * target (infra/local/resources.ts) set them from here, and functions/runtime/ reads them: one spelling.
 */
export const ENV = {
  stage: 'STAGE',
  region: 'AWS_REGION',
  tableName: 'TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET',
  /** The town's settings (`settings: ['town']`): who pays, who is told, how often the payout is checked. */
  townName: 'TOWN_NAME',
  townIban: 'TOWN_IBAN',
  townBic: 'TOWN_BIC',
  financeEmails: 'FINANCE_EMAILS',
  adminEmails: 'ADMIN_EMAILS',
  approvalPollSeconds: 'SETTLEMENT_APPROVAL_POLL_SECONDS',
  staffEmails: 'STAFF_EMAILS',
  /** The letterhead, return address and contacts letters print (JSON), and the public site their QR opens. */
  townLetters: 'TOWN_LETTERS',
  publicSiteUrl: 'PUBLIC_SITE_URL',
  /** Sending mail (`mail: true`): the verified sender and the SES configuration set. */
  mailFrom: 'MAIL_FROM',
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
} as const;

/** Set only by the local target: where its emulators listen (absent in AWS, where the SDK finds the services). */
export const LOCAL_ENDPOINT_VARIABLES = {
  dynamodb: 'LOCAL_DYNAMODB_ENDPOINT',
  s3: 'LOCAL_S3_ENDPOINT',
  ses: 'LOCAL_SES_ENDPOINT',
  sfn: 'LOCAL_SFN_ENDPOINT',
  lambda: 'LOCAL_LAMBDA_ENDPOINT',
  secrets: 'LOCAL_SECRETS_ENDPOINT',
} as const;

const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** `voucherCodeKey` -> `VOUCHER_CODE_KEY_SECRET_ID`: where a handler finds a secret's id. */
export function secretIdVariable(secret: string): string {
  return `${upperSnake(secret)}_SECRET_ID`;
}

/** `importRegister` -> `IMPORT_REGISTER_FUNCTION_NAME`: where a handler finds a job's function name. */
export function jobFunctionVariable(job: string): string {
  return `${upperSnake(job)}_FUNCTION_NAME`;
}

/** `settlement` -> `SETTLEMENT_STATE_MACHINE_ARN`: where a handler finds a state machine to start. */
export function workflowArnVariable(workflow: string): string {
  return `${upperSnake(workflow)}_STATE_MACHINE_ARN`;
}

/**
 * `staff` -> `STAFF_USER_POOL_ISSUER` and `STAFF_USER_POOL_CLIENT_ID`: a user pool whose ID tokens the
 * authorizer of routes open to both pools accepts (infra/constructs/api.ts sets them).
 */
export function userPoolIssuerVariable(pool: string): string {
  return `${upperSnake(pool)}_USER_POOL_ISSUER`;
}

export function userPoolClientIdVariable(pool: string): string {
  return `${upperSnake(pool)}_USER_POOL_CLIENT_ID`;
}
