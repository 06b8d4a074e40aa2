/**
 * Turns a function's declared permissions (functions/routes/route.ts `Permissions`: a route's, or a job's)
 * into exactly those grants, each with the environment variable the handler reads. The API and the jobs
 * construct both grant through here, so a route and a worker asking for the same thing get the same policy.
 */
import { Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { JobName, Permissions, SecretName } from '../../functions/routes/route.ts';
import {
  ENV,
  jobFunctionVariable,
  secretIdVariable,
  workflowArnVariable,
} from '../../functions/runtime/environment-variables.ts';
import type { WorkflowName } from '../../shared/services/workflows.ts';
import { grantBucket, grantJob, grantSecret, grantTable, type ProjectFunction } from './project-function.ts';
import type { TownSettings } from './town-settings.ts';

/** The town's sender: a verified SES identity, its From address and the configuration set that logs delivery. */
export interface MailResources {
  readonly identity: IEmailIdentity;
  readonly from: string;
  readonly configurationSet: IConfigurationSet;
}

/** What permissions can name, by the names they use. */
export interface GrantableResources {
  readonly table: ITableV2;
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  readonly buckets: { readonly documents: IBucket };
  /** The job functions that exist so far (a job granting itself is handled by the jobs construct). */
  readonly jobs: Readonly<Partial<Record<JobName, IFunction>>>;
  /** The state machines that exist so far. */
  readonly workflows?: Readonly<Partial<Record<WorkflowName, IStateMachine>>>;
  readonly mail?: MailResources;
  readonly town?: TownSettings;
  /** The public site's URL (CloudFront), where the letters' QR codes lead. */
  readonly publicSiteUrl?: string;
}

// The permission kinds this module knows how to grant. A function asking for another kind must fail the
// synth: silently ignoring it would deploy a function that fails at cold start, or worse.
const GRANTABLE = new Set(['table', 'secrets', 'buckets', 'jobs', 'workflows', 'mail', 'settings']);
const BUCKET_VARIABLES = { documents: ENV.documentsBucket } as const;

export function grantPermissions(
  fn: ProjectFunction,
  who: string,
  permissions: Permissions,
  resources: GrantableResources,
): void {
  const unknown = Object.keys(permissions).filter((kind) => !GRANTABLE.has(kind));
  if (unknown.length > 0) {
    throw new Error(`${who} asks for ${unknown.join(', ')}, which infra/constructs/grants.ts cannot grant`);
  }
  if (permissions.table) grantTable(fn, resources.table, permissions.table);
  for (const name of permissions.secrets ?? []) grantSecret(fn, resources.secrets[name], secretIdVariable(name));
  for (const [bucket, access] of Object.entries(permissions.buckets ?? {})) {
    if (!access) continue;
    const name = bucket as keyof typeof BUCKET_VARIABLES;
    if (!(name in BUCKET_VARIABLES)) throw new Error(`${who} asks for an unknown bucket ${bucket}`);
    grantBucket(fn, resources.buckets[name], BUCKET_VARIABLES[name], access);
  }
  for (const job of permissions.jobs ?? []) {
    const target = resources.jobs[job];
    if (!target) throw new Error(`${who} starts job ${job}, which does not exist (yet)`);
    grantJob(fn, target, jobFunctionVariable(job));
  }
  for (const workflow of permissions.workflows ?? []) {
    const machine = resources.workflows?.[workflow];
    if (!machine) throw new Error(`${who} starts workflow ${workflow}, which does not exist (yet)`);
    fn.addEnvironment(workflowArnVariable(workflow), machine.stateMachineArn);
    machine.grantStartExecution(fn);
  }
  if (permissions.mail) {
    const mail = resources.mail;
    if (!mail) throw new Error(`${who} sends mail, but the stack has no mail sender`);
    fn.addEnvironment(ENV.mailFrom, mail.from);
    fn.addEnvironment(ENV.mailConfigurationSet, mail.configurationSet.configurationSetName);
    mail.identity.grantSendEmail(fn);
    // SES v2 checks the configuration set named in the call as well as the identity.
    const stack = Stack.of(fn);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: mail.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
  }
  for (const setting of permissions.settings ?? []) {
    if (setting !== 'town' || !resources.town)
      throw new Error(`${who} reads settings ${setting}, which the stack has not`);
    const town = resources.town;
    fn.addEnvironment(ENV.townName, town.name);
    fn.addEnvironment(ENV.townIban, town.iban);
    if (town.bic) fn.addEnvironment(ENV.townBic, town.bic);
    fn.addEnvironment(ENV.financeEmails, town.financeEmails.join(','));
    fn.addEnvironment(ENV.adminEmails, town.adminEmails.join(','));
    fn.addEnvironment(ENV.approvalPollSeconds, String(town.approvalPollSeconds));
    fn.addEnvironment(ENV.staffEmails, town.staffEmails.join(','));
    fn.addEnvironment(ENV.townLetters, JSON.stringify(town.letters));
    if (resources.publicSiteUrl) fn.addEnvironment(ENV.publicSiteUrl, resources.publicSiteUrl);
  }
}
