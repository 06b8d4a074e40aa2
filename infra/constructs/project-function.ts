/**
 * The one Lambda function construct of the project: every function gets the same runtime, bundling and
 * logging defaults, and access to other resources only through the grant helpers below.
 */
import { cpSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AssetHashType,
  CfnElement,
  DockerImage,
  Duration,
  Names,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  type IFunction,
  Function as LambdaFunction,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { BucketAccess, ScopedBucketAccess, ScopedTableAccess, TableAccess } from '../../functions/routes/route.ts';
import { ENV } from '../../functions/runtime/environment-variables.ts';
import { lambdaBundleFolder } from './lambda-bundling.ts';

/** The repository root: the base of every route's `entry`. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Read by functions/runtime/observability.ts; the same in every stage so dashboards and queries match. */
export const SERVICE_NAME = 'voucher-platform';

export interface ProjectFunctionProps {
  /** Absolute path of the handler module; it exports `handler`. */
  readonly entry: string;
  /** Deployment stage (`dev`, `prod`): set as `STAGE` for the handler's configuration. */
  readonly stage: string;
  readonly description?: string;
  /**
   * API Gateway gives up on an integration after 30 s; an API handler should answer well before that.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Lambda CPU scales with memory; 512 MB keeps cold starts of the bundled SDK short at a small cost.
   * @default 512
   */
  readonly memorySize?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the log group when the function is removed.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Extra environment; prefer the grant helpers, which set a variable together with its permission. */
  readonly environment?: Readonly<Record<string, string>>;
}

export class ProjectFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    if (!props.entry.endsWith('.ts')) {
      throw new Error(`ProjectFunction ${id}: entry must be a TypeScript module, got ${props.entry}`);
    }
    // Created before the function so the role can name it: logs go to this group and nowhere else.
    const container = new Construct(scope, `${id}Support`);
    const logGroup = new LogGroup(container, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy (cdk-nag IAM4), which
    // would allow writing to every log group of the account.
    const role = new Role(container, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${id} function`,
      inlinePolicies: {
        logs: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
          ],
        }),
      },
    });

    super(scope, id, {
      // What NodejsFunction does, with every function of the stack bundled in one esbuild run
      // (lambda-bundling.ts). CDK calls the bundler only for stacks it bundles (not under
      // `aws:cdk:bundling-stacks`), and names the asset after its output.
      code: Code.fromAsset(REPO_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never run: the local bundler always answers (or throws esbuild's error), as NodejsFunction's does.
          image: DockerImage.fromRegistry('dummy'),
          // CDK caches staged assets by source folder and bundling options, not by what `local` does: naming
          // the entry here keeps the functions apart.
          command: ['bundle', relative(REPO_ROOT, props.entry)],
          local: {
            tryBundle(outputDir) {
              cpSync(lambdaBundleFolder(REPO_ROOT, props.entry), outputDir, { recursive: true });
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 512,
      // No X-Ray: the handlers do not instrument their SDK clients (the tracer would double the bundles), so
      // active tracing would record empty segments. A request is followed by its correlation id in the logs.
      tracing: Tracing.DISABLED,
      role,
      logGroup,
      environment: {
        [ENV.stage]: props.stage,
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        // Stack traces in the logs point at the TypeScript sources, not at the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
  }
}

/**
 * Grants a function exactly `access` to the table and tells it the table's name (TABLE_NAME), so a
 * function never holds a permission it was not configured for, nor a name it cannot use.
 */
export function grantTable(fn: ProjectFunction, table: ITableV2, access: TableAccess): void {
  fn.addEnvironment(ENV.tableName, table.tableName);
  if (access === 'read') table.grantReadData(fn);
  else if (access === 'readWrite') table.grantReadWriteData(fn);
  else grantPartitions(fn, table, access);
  acknowledgeIndexWildcard(fn, table);
}

// Item-level actions only: each names the keys it touches, so `dynamodb:LeadingKeys` is always set and
// `ForAllValues` cannot pass on an empty set. No Scan, no table-level action.
const PARTITION_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const PARTITION_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * Some partitions of the table (`dynamodb:LeadingKeys`), read or written: a transaction is authorised item by
 * item against these. A Query on an index is checked against the index's partition key, the only key it names.
 */
function grantPartitions(fn: ProjectFunction, table: ITableV2, access: ScopedTableAccess): void {
  const scoped = (actions: string[], resources: string[], patterns: readonly string[]) =>
    new PolicyStatement({
      actions,
      resources,
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
        ...(access.except && access.except.length > 0
          ? { 'ForAllValues:StringNotLike': { 'dynamodb:LeadingKeys': [...access.except] } }
          : {}),
      },
    });
  if (access.read.length > 0) {
    fn.addToRolePolicy(scoped(PARTITION_READS, [table.tableArn, `${table.tableArn}/index/*`], access.read));
  }
  if (access.write && access.write.length > 0) {
    fn.addToRolePolicy(scoped(PARTITION_WRITES, [table.tableArn], access.write));
  }
}

/** Grants object access to one bucket and sets `envName` to its name (e.g. DOCUMENTS_BUCKET). */
export function grantBucket(fn: ProjectFunction, bucket: IBucket, envName: string, access: BucketAccess): void {
  if (!/^[A-Z][A-Z0-9_]*$/.test(envName)) {
    throw new Error(`grantBucket: ${envName} is not an environment variable name (UPPER_SNAKE_CASE)`);
  }
  fn.addEnvironment(envName, bucket.bucketName);
  if (access !== 'read' && access !== 'readWrite') {
    grantPrefixes(fn, bucket, envName, access);
    return;
  }
  if (access === 'read') bucket.grantRead(fn);
  else bucket.grantReadWrite(fn);

  // CDK's bucket grants use action families (s3:GetObject* covers versions, tags, ACL reads) on one bucket
  // and its objects; the object keys are data, unknown at deploy time.
  const role = fn.role ?? fn;
  const actions = ['s3:GetBucket*', 's3:GetObject*', 's3:List*'];
  if (access === 'readWrite') actions.push('s3:Abort*', 's3:DeleteObject*');
  for (const action of actions) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `bucket.grant${access === 'read' ? 'Read' : 'ReadWrite'} on ${envName} only: ${action} is CDK's action family for it.`,
    });
  }
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${referenceOf(bucket.node.defaultChild, 'Arn', fn)}/*]`,
    reason: `Objects of the ${envName} bucket only; their keys are data, unknown at deploy time.`,
  });
}

/**
 * Objects under some key prefixes only: reads (and listings, by the `s3:prefix` condition) of `read`, puts
 * and deletes of `write`. Exact actions, no families: nothing else of the bucket is reachable.
 */
function grantPrefixes(fn: ProjectFunction, bucket: IBucket, envName: string, access: ScopedBucketAccess): void {
  const role = fn.role ?? fn;
  const bucketArn = referenceOf(bucket.node.defaultChild, 'Arn', fn);
  const objects = (prefixes: readonly string[]) => prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  const read = access.read ?? [];
  const write = access.write ?? [];
  if (read.length > 0) {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(read) }));
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': read.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  if (write.length > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: objects(write),
      }),
    );
  }
  for (const prefix of new Set([...read, ...write])) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
      reason: `Objects of the ${envName} bucket under ${prefix} only; their names below it are data, unknown at deploy time.`,
    });
  }
}

/**
 * Lets a function read one secret and gives it the secret's ARN in `<NAME>_SECRET_ID` (what
 * functions/runtime/code-key.ts reads for `voucherCodeKey`).
 */
export function grantSecret(fn: ProjectFunction, secret: ISecret, envName: string): void {
  if (!/^[A-Z][A-Z0-9_]*_SECRET_ID$/.test(envName)) {
    throw new Error(`grantSecret: ${envName} should be an UPPER_SNAKE_CASE name ending in _SECRET_ID`);
  }
  fn.addEnvironment(envName, secret.secretArn);
  secret.grantRead(fn);
}

/**
 * Lets a function start a job (Lambda async invoke of that function only, not its versions or aliases:
 * CDK's grantInvoke would add `<arn>:*`) and gives it the job function's name in `envName`.
 */
export function grantJob(fn: ProjectFunction, job: IFunction, envName: string): void {
  if (!/^[A-Z][A-Z0-9_]*_FUNCTION_NAME$/.test(envName)) {
    throw new Error(`grantJob: ${envName} should be an UPPER_SNAKE_CASE name ending in _FUNCTION_NAME`);
  }
  fn.addEnvironment(envName, job.functionName);
  fn.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [job.functionArn] }));
}

/**
 * The cdk-nag spelling of `Fn::GetAtt [<logical id>, <attribute>]` for a resource, as `consumer` sees it: in
 * its own stack, or through the parameter CDK gives a nested stack for a resource of its parent.
 */
export function referenceOf(resource: unknown, attribute: string, consumer?: IConstruct): string {
  if (!(resource instanceof CfnElement)) throw new Error('referenceOf: expected an L1 resource');
  const producer = Stack.of(resource);
  if (consumer && Stack.of(consumer) !== producer) {
    // CDK names that parameter `reference-to-<unique id of the resource><attribute>` (core/lib/private/refs).
    return `<referenceto${Names.nodeUniqueId(resource.node)}${attribute}>`;
  }
  return `<${producer.getLogicalId(resource)}.${attribute}>`;
}

function acknowledgeIndexWildcard(fn: ProjectFunction, table: ITableV2): void {
  const tableArn = referenceOf(table.node.defaultChild, 'Arn', fn);
  Validations.of(fn.role ?? fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
    reason:
      'Queries on the secondary indexes of this one table (shared/data/table-design.ts): the grant names ' +
      'the table ARN and its own index/* children, no other table.',
  });
}
