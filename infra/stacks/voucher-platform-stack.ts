/**
 * The whole platform for one stage (dev, prod): data, secrets, sign-in, pages, API and alarms. Nothing has a
 * hard-coded physical name, so several stages (and several towns) deploy side by side in one account.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BROWSER_UPLOAD_CORS } from '../../functions/routes/cors.ts';
import { USER_POOLS, type UserPoolName } from '../../shared/auth/user-pools.ts';
import { Api } from '../constructs/api.ts';
import { Auth, type SignInPool } from '../constructs/auth.ts';
import { Data } from '../constructs/data.ts';
import { Jobs } from '../constructs/jobs.ts';
import { Letters } from '../constructs/letters.ts';
import { Mail } from '../constructs/mail.ts';
import { Observability } from '../constructs/observability.ts';
import { PlatformSecrets } from '../constructs/secrets.ts';
import { Settlement } from '../constructs/settlement.ts';
import { StreamConsumers } from '../constructs/stream-consumers.ts';
import type { TownSettings } from '../constructs/town-settings.ts';
import { Web } from '../constructs/web.ts';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

export function isStageName(value: string): value is StageName {
  return (STAGES as readonly string[]).includes(value);
}

export interface VoucherPlatformStackProps extends StackProps {
  readonly stage: StageName;
  /** The town's name, payout account, finance and admin addresses and mail sender (cdk.json `town`). */
  readonly town: TownSettings;
}

export class VoucherPlatformStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly secrets: PlatformSecrets;
  readonly web: Web;
  readonly jobs: Jobs;
  readonly mail: Mail;
  readonly settlement: Settlement;
  readonly letters: Letters;
  readonly streamConsumers: StreamConsumers;
  readonly api: Api;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: VoucherPlatformStackProps) {
    super(scope, id, props);
    const isProd = props.stage === 'prod';

    this.data = new Data(this, 'Data', { retainData: isProd });
    this.auth = new Auth(this, 'Auth', { retainUsers: isProd });
    this.secrets = new PlatformSecrets(this, 'Secrets', { retain: isProd });
    // The pages' URL first: the API allows it as its only CORS origin, and the pages' config.json then
    // receives the API URL at deploy time. No cycle: the distribution itself does not reference the API.
    this.web = new Web(this, 'Web', {
      accessLogsBucket: this.data.accessLogsBucket,
      documentsBucketName: this.data.documentsBucketName,
    });
    const functionDefaults = {
      logRetention: isProd ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
      logRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      logLevel: isProd ? ('INFO' as const) : ('DEBUG' as const),
    };
    const buckets = { documents: this.data.documentsBucket };
    // Browsers upload register files and proofs straight to the bucket with presigned PUTs from the pages.
    this.data.documentsBucket.addCorsRule({
      allowedOrigins: [this.web.url],
      allowedMethods: BROWSER_UPLOAD_CORS.methods.map((method) => HttpMethods[method]),
      allowedHeaders: [...BROWSER_UPLOAD_CORS.allowHeaders],
      maxAge: BROWSER_UPLOAD_CORS.maxAgeSeconds,
    });
    this.jobs = new Jobs(this, 'Jobs', {
      stage: props.stage,
      table: this.data.table,
      secrets: this.secrets.secrets,
      buckets,
      functionDefaults,
    });
    this.mail = new Mail(this, 'Mail', { from: props.town.mailFrom });
    this.settlement = new Settlement(this, 'Settlement', {
      mail: this.mail.resources,
      stage: props.stage,
      table: this.data.table,
      secrets: this.secrets.secrets,
      buckets,
      town: props.town,
      functionDefaults,
      logRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.letters = new Letters(this, 'Letters', {
      stage: props.stage,
      table: this.data.table,
      secrets: this.secrets.secrets,
      buckets,
      town: props.town,
      mail: this.mail.resources,
      publicSiteUrl: this.web.url,
      functionDefaults,
      logRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // The dashboard's aggregator, on the table's stream: nothing on the redemption path writes its figures.
    this.streamConsumers = new StreamConsumers(this, 'StreamConsumers', {
      stage: props.stage,
      table: this.data.table,
      functionDefaults,
    });
    this.api = new Api(this, 'Api', {
      stage: props.stage,
      table: this.data.table,
      secrets: this.secrets.secrets,
      buckets,
      jobs: this.jobs.functions,
      workflows: { settlement: this.settlement.stateMachine, letters: this.letters.stateMachine },
      // Applicants get their receipt and decision by mail from the town's sender.
      mail: this.mail.resources,
      userPools: poolsBy(this.auth, (pool) => ({
        issuer: pool.issuerUrl,
        clientId: pool.userPoolClient.userPoolClientId,
      })),
      allowedOrigin: this.web.url,
      functionDefaults,
      accessLogRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.web.deployPages({
      apiUrl: this.api.url,
      region: this.region,
      userPools: poolsBy(this.auth, (pool) => ({
        userPoolId: pool.userPool.userPoolId,
        userPoolClientId: pool.userPoolClient.userPoolClientId,
      })),
      stage: props.stage,
    });
    this.observability = new Observability(this, 'Observability', {
      httpApi: this.api.httpApi,
      functions: {
        ...this.api.functions,
        ...this.jobs.functions,
        ...this.settlement.functions,
        ...this.letters.functions,
        ...this.streamConsumers.functions,
      },
      table: this.data.table,
    });
    this.settlement.notify(this.observability.alarmTopic);
    this.letters.notify(this.observability.alarmTopic);
    this.streamConsumers.notify(this.observability.alarmTopic);
    this.jobs.notify(this.observability.alarmTopic);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'The pages (CloudFront)' });
    // The merchant pool's outputs keep the names the single pool had; the staff pool's are prefixed.
    const outputPrefix: Record<UserPoolName, string> = { merchant: '', staff: 'Staff' };
    for (const name of USER_POOLS) {
      const pool = this.auth.pools[name];
      new CfnOutput(this, `${outputPrefix[name]}UserPoolId`, {
        value: pool.userPool.userPoolId,
        description: `The ${name} user pool`,
      });
      new CfnOutput(this, `${outputPrefix[name]}UserPoolClientId`, { value: pool.userPoolClient.userPoolClientId });
    }
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'SettlementStateMachineArn', {
      value: this.settlement.stateMachine.stateMachineArn,
      description: 'The settlement run (daily at 02:00 Brussels; finance starts it with POST /settlement-runs)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.observability.alarmTopic.topicArn,
      description: 'Subscribe the operators (email, chat) to this topic',
    });
  }
}

/** One value per user pool, e.g. what the API or the pages need of each. */
function poolsBy<T>(auth: Auth, pick: (pool: SignInPool) => T): Record<UserPoolName, T> {
  return Object.fromEntries(USER_POOLS.map((name) => [name, pick(auth.pools[name])])) as Record<UserPoolName, T>;
}
