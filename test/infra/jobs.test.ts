/**
 * The background jobs and what starts them: each worker has the runtime its job table entry asks for, no
 * Lambda retry, and exactly its declared grants; each route may start exactly the jobs it declares and reach
 * the documents bucket only if it declares it.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_LIST } from '../../functions/jobs/job-table.ts';
import { ROUTE_LIST } from '../../functions/routes/index.ts';
import { jobFunctionVariable, secretIdVariable } from '../../functions/runtime/environment-variables.ts';
import type { ProjectFunction } from '../../infra/constructs/project-function.ts';
import { logicalIdOf, resourcesOfType, type Synthesised, statementsOfRole, synthStack } from './synth.ts';

let dev: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
});

function propertiesOf(fn: ProjectFunction): Record<string, unknown> {
  const properties = resourcesOfType(dev.template, 'AWS::Lambda::Function')[logicalIdOf(dev.stack, fn)]?.Properties;
  if (!properties) throw new Error('no function');
  return properties;
}
const variablesOf = (fn: ProjectFunction) =>
  (propertiesOf(fn).Environment as { Variables: Record<string, unknown> }).Variables;
const roleIdOf = (fn: ProjectFunction) => (propertiesOf(fn).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
const statementsOf = (fn: ProjectFunction, prefix: string) =>
  statementsOfRole(dev.template, roleIdOf(fn)).filter((statement) =>
    [statement.Action].flat().some((action) => action.startsWith(prefix)),
  );
const arnOf = (fn: ProjectFunction) => ({ 'Fn::GetAtt': [logicalIdOf(dev.stack, fn), 'Arn'] });

function routeFunction(operationId: string): ProjectFunction {
  const fn = dev.stack.api.functions[operationId];
  if (!fn) throw new Error(`no function for ${operationId}`);
  return fn;
}

describe('job workers', () => {
  it.each(JOB_LIST.map((job) => [job.name, job] as const))(
    '%s runs as its job table entry says, never retried by Lambda',
    (name, job) => {
      const fn = dev.stack.jobs.functions[name];
      expect(propertiesOf(fn)).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Timeout: job.timeoutSeconds,
        MemorySize: job.memorySize,
      });
      expect(propertiesOf(fn).TracingConfig).toBeUndefined();
      dev.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(dev.stack, fn) },
        MaximumRetryAttempts: 0,
      });
    },
  );

  it.each(JOB_LIST.map((job) => [job.name] as const))(
    '%s uses the items of the one table, and manages nothing',
    (name) => {
      const fn = dev.stack.jobs.functions[name];
      const actions = new Set(statementsOf(fn, 'dynamodb:').flatMap((statement) => [statement.Action].flat()));
      for (const action of [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:BatchGetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ]) {
        expect(actions).toContain(action);
      }
      expect(
        [...actions].filter((action) =>
          /^dynamodb:(\*|Create|Delete(Table|Backup)|Update(Table|TimeToLive))/.test(action),
        ),
      ).toEqual([]);
      expect(variablesOf(fn).TABLE_NAME).toEqual({ Ref: logicalIdOf(dev.stack, dev.stack.data.table) });
    },
  );

  it('the import worker reads the person key only, uses the documents bucket, and starts nothing', () => {
    const fn = dev.stack.jobs.functions.importRegister;
    const secrets = statementsOf(fn, 'secretsmanager:').map((statement) => statement.Resource);
    expect(secrets).toEqual([{ Ref: logicalIdOf(dev.stack, dev.stack.secrets.secrets.personKey) }]);
    expect(variablesOf(fn)).toMatchObject({
      [secretIdVariable('personKey')]: { Ref: logicalIdOf(dev.stack, dev.stack.secrets.secrets.personKey) },
      DOCUMENTS_BUCKET: { Ref: logicalIdOf(dev.stack, dev.stack.data.documentsBucket) },
    });
    expect(variablesOf(fn)).not.toHaveProperty(secretIdVariable('voucherCodeKey'));
    expect(statementsOf(fn, 'lambda:')).toEqual([]);
  });

  it('the issuance worker reads the code key only and may start itself again, nothing else', () => {
    const fn = dev.stack.jobs.functions.issueVouchers;
    const secrets = statementsOf(fn, 'secretsmanager:').map((statement) => statement.Resource);
    expect(secrets).toEqual([{ Ref: logicalIdOf(dev.stack, dev.stack.secrets.secrets.voucherCodeKey) }]);
    const invokes = statementsOf(fn, 'lambda:');
    expect(invokes).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arnOf(fn) }]);
    // Its own name comes from the invocation context: in its environment it would be a circular reference.
    expect(variablesOf(fn)).not.toHaveProperty(jobFunctionVariable('issueVouchers'));
  });
});

describe('lost job invocations', () => {
  const queueId = () => logicalIdOf(dev.stack, dev.stack.jobs.failureQueue);

  it.each(JOB_LIST.map((job) => [job.name] as const))(
    '%s sends an invocation that failed or died (timeout, out of memory) to the failure queue',
    (name) => {
      const fn = dev.stack.jobs.functions[name];
      dev.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(dev.stack, fn) },
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId(), 'Arn'] } } },
      });
      const sends = statementsOf(fn, 'sqs:');
      expect(sends.flatMap((statement) => [statement.Action].flat())).toContain('sqs:SendMessage');
      for (const statement of sends) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [queueId(), 'Arn'] });
    },
  );

  it('the failure queue is encrypted, TLS-only and keeps a message 14 days', () => {
    const queue = resourcesOfType(dev.template, 'AWS::SQS::Queue')[queueId()]?.Properties;
    expect(queue).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('a message in the failure queue rings the operators’ alarm', () => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(), 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: logicalIdOf(dev.stack, dev.stack.observability.alarmTopic) }],
      OKActions: [{ Ref: logicalIdOf(dev.stack, dev.stack.observability.alarmTopic) }],
    });
  });
});

describe('scheduled jobs', () => {
  it('the purge runs daily at 3:30 Brussels time, started by a role that may invoke that function only', () => {
    const fn = dev.stack.jobs.functions.purgePersonalData;
    const schedules = Object.values(resourcesOfType(dev.template, 'AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(JOB_LIST.filter((job) => job.dailyAt).length);
    const schedule = schedules[0]?.Properties ?? {};
    expect(schedule).toMatchObject({
      ScheduleExpression: 'cron(30 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      State: 'ENABLED',
      Target: { Arn: arnOf(fn), RetryPolicy: { MaximumRetryAttempts: 1 } },
    });
    const roleId = (schedule.Target as { RoleArn: { 'Fn::GetAtt': [string] } }).RoleArn['Fn::GetAtt'][0];
    const statements = statementsOfRole(dev.template, roleId);
    expect(statements.flatMap((statement) => [statement.Action].flat())).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements.map((statement) => statement.Resource))).not.toMatch(
      new RegExp(
        Object.keys(dev.stack.jobs.functions)
          .filter((name) => name !== 'purgePersonalData')
          .join('|'),
      ),
    );
  });

  it('the purge reads no secret and starts nothing', () => {
    const fn = dev.stack.jobs.functions.purgePersonalData;
    expect(statementsOf(fn, 'secretsmanager:')).toEqual([]);
    expect(statementsOf(fn, 'lambda:')).toEqual([]);
  });
});

describe('routes and jobs', () => {
  it.each(ROUTE_LIST.map((route) => [route.operationId, route.permissions.jobs ?? []] as const))(
    '%s may start exactly the jobs %j',
    (operationId, jobs) => {
      const fn = routeFunction(operationId);
      const granted = statementsOf(fn, 'lambda:');
      expect(granted.map((statement) => statement.Resource)).toEqual(
        jobs.map((job) => arnOf(dev.stack.jobs.functions[job])),
      );
      for (const statement of granted) expect(statement.Action).toBe('lambda:InvokeFunction');
      const variables = Object.keys(variablesOf(fn)).filter((name) => name.endsWith('_FUNCTION_NAME'));
      expect(variables).toEqual(jobs.map(jobFunctionVariable));
    },
  );
});

describe('routes and the documents bucket', () => {
  const bucketArn = () => ({ 'Fn::GetAtt': [logicalIdOf(dev.stack, dev.stack.data.documentsBucket), 'Arn'] });

  it.each(ROUTE_LIST.map((route) => [route.operationId, route.permissions.buckets?.documents ?? 'none'] as const))(
    '%s has %j access to the documents bucket',
    (operationId, access) => {
      const fn = routeFunction(operationId);
      const s3 = statementsOf(fn, 's3:');
      const actions = new Set(s3.flatMap((statement) => [statement.Action].flat()));
      if (access === 'none') {
        expect(s3).toEqual([]);
        expect(variablesOf(fn)).not.toHaveProperty('DOCUMENTS_BUCKET');
        return;
      }
      expect(variablesOf(fn).DOCUMENTS_BUCKET).toEqual({ Ref: logicalIdOf(dev.stack, dev.stack.data.documentsBucket) });
      if (typeof access === 'object') {
        // Scoped to key prefixes: exact actions, each on objects under a declared prefix, listings by s3:prefix.
        const objectsUnder = (prefixes: readonly string[] = []) =>
          prefixes.map((prefix) => ({ 'Fn::Join': ['', [bucketArn(), `/${prefix}*`]] }));
        const byAction = (action: string) => s3.filter((statement) => [statement.Action].flat().includes(action));
        expect(byAction('s3:PutObject').flatMap((statement) => [statement.Resource].flat())).toEqual(
          objectsUnder(access.write),
        );
        expect(byAction('s3:GetObject').flatMap((statement) => [statement.Resource].flat())).toEqual(
          objectsUnder(access.read),
        );
        for (const statement of byAction('s3:ListBucket')) {
          expect(statement.Condition).toEqual({ StringLike: { 's3:prefix': (access.read ?? []).map((p) => `${p}*`) } });
        }
        expect([...actions].some((action) => action.endsWith('*'))).toBe(false);
        return;
      }
      expect(actions.has('s3:GetObject*')).toBe(true);
      expect(actions.has('s3:PutObject')).toBe(access === 'readWrite');
      expect(actions.has('s3:DeleteObject*')).toBe(access === 'readWrite');
      for (const statement of s3) {
        const resources = [statement.Resource].flat();
        expect(JSON.stringify(resources)).toContain(JSON.stringify(bucketArn()));
      }
    },
  );

  it('lets the pages upload to the bucket (CORS: PUT from the CloudFront origin only)', () => {
    const distributionId = logicalIdOf(dev.stack, dev.stack.web.distribution);
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT', 'GET'],
            AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }],
            AllowedHeaders: ['content-type', 'content-length'],
          },
        ],
      },
    });
  });
});
