/**
 * Names of the local target's resources and the environment its handlers get. In AWS the CDK constructs
 * set the same variables (TABLE_NAME, DOCUMENTS_BUCKET, ...) to the generated physical names.
 */
import {
  ENV,
  jobFunctionVariable,
  LOCAL_ENDPOINT_VARIABLES,
  secretIdVariable,
  workflowArnVariable,
} from '../../functions/runtime/environment-variables.ts';
import { WORKFLOW_NAMES } from '../../shared/services/workflows.ts';

/** The account and region of the local target's ARNs (nothing checks them; they only need a valid shape). */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'eu-west-1';

/** What StartExecution names locally for a state machine of infra/workflows/workflow-table.ts. */
export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
}

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
  /** The demo town's settings (in AWS: cdk.json `town`). Synthetic: the IBAN is valid and belongs to no one. */
  town: {
    name: 'Commune de Boussu (démo)',
    iban: 'BE71096123456769',
    financeEmails: 'finances@boussu.example',
    adminEmails: 'administration@boussu.example',
    mailFrom: 'Commune de Boussu <cheques-commerces@boussu.example>',
    /** Locally the approval loop looks every few seconds, so an approval shows as PAID at once. */
    approvalPollSeconds: 2,
    staffEmails: 'commerce@boussu.example',
    letters: {
      letterhead: 'Commune de Boussu (démo)',
      department: 'Service du commerce local',
      returnAddress: { street: 'Rue Grande', houseNumber: '1', box: null, postcode: '7300', locality: 'Boussu' },
      phone: '065 00 00 00',
      email: 'commerce@boussu.example',
    },
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
export function handlerEnvironment(
  endpoints: LocalEndpoints,
  logLevel: string,
  publicSiteUrl?: string,
): Record<string, string> {
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
    ...Object.fromEntries(WORKFLOW_NAMES.map((name) => [workflowArnVariable(name), localStateMachineArn(name)])),
    [ENV.townName]: LOCAL_RESOURCES.town.name,
    [ENV.townIban]: LOCAL_RESOURCES.town.iban,
    [ENV.financeEmails]: LOCAL_RESOURCES.town.financeEmails,
    [ENV.adminEmails]: LOCAL_RESOURCES.town.adminEmails,
    [ENV.approvalPollSeconds]: String(LOCAL_RESOURCES.town.approvalPollSeconds),
    [ENV.mailFrom]: LOCAL_RESOURCES.town.mailFrom,
    [ENV.staffEmails]: LOCAL_RESOURCES.town.staffEmails,
    ...(publicSiteUrl ? { [ENV.publicSiteUrl]: publicSiteUrl } : {}),
    [ENV.townLetters]: JSON.stringify(LOCAL_RESOURCES.town.letters),
    POWERTOOLS_SERVICE_NAME: 'voucher-platform',
    POWERTOOLS_LOG_LEVEL: logLevel,
    // No CloudWatch locally: metrics would only be JSON noise on the console.
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}
