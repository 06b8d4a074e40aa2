/**
 * The dashboard's aggregator in AWS: the table streams new and old images; one event source mapping, filtered
 * to ledger items, batches of 100 halved and retried on error, then sent to an encrypted failure queue that
 * raises an alarm; the function reads and writes only its own partitions, and nothing else of the stack.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_CONSUMERS } from '../../functions/streams/stream-consumers.ts';
import type { ProjectFunction } from '../../infra/constructs/project-function.ts';
import { dashboardKeys } from '../../shared/data/keys.ts';
import { logicalIdOf, resourcesOfType, type Synthesised, statementsOfRole, synthStack } from './synth.ts';

let dev: Synthesised;
let aggregator: ProjectFunction;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  const fn = dev.stack.streamConsumers.functions.aggregateDashboard;
  if (!fn) throw new Error('no aggregateDashboard function');
  aggregator = fn;
});

const tableId = () => logicalIdOf(dev.stack, dev.stack.data.table);
const queueId = () => {
  const queue = dev.stack.streamConsumers.failureQueues.aggregateDashboard;
  if (!queue) throw new Error('no failure queue');
  return logicalIdOf(dev.stack, queue);
};
const properties = () => {
  const found = resourcesOfType(dev.template, 'AWS::Lambda::Function')[logicalIdOf(dev.stack, aggregator)];
  if (!found?.Properties) throw new Error('no aggregator function');
  return found.Properties;
};
const STREAM_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
const isTableAction = (action: string) => action.startsWith('dynamodb:') && !STREAM_ACTIONS.includes(action);
const statements = () =>
  statementsOfRole(dev.template, (properties().Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]);

describe('the table stream and its mapping', () => {
  it('the table streams each change with the item before and after', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('invokes the aggregator with batches of 100 gathered for at most a second, from the oldest record kept', () => {
    const mappings = Object.values(resourcesOfType(dev.template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(dev.stack, aggregator) },
      EventSourceArn: { 'Fn::GetAtt': [tableId(), 'StreamArn'] },
      BatchSize: STREAM_CONSUMERS.aggregateDashboard.batchSize,
      MaximumBatchingWindowInSeconds: 1,
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it('halves and retries a failing batch, then sends its records to the failure queue: none is dropped silently', () => {
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: STREAM_CONSUMERS.aggregateDashboard.retryAttempts,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId(), 'Arn'] } } },
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(), 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [{ Ref: logicalIdOf(dev.stack, dev.stack.observability.alarmTopic) }],
    });
  });

  it('is filtered to changes of redemptions and vouchers (new image, or old image for a deletion)', () => {
    const mapping = Object.values(resourcesOfType(dev.template, 'AWS::Lambda::EventSourceMapping'))[0];
    const criteria = mapping?.Properties?.FilterCriteria as { Filters: { Pattern: string }[] } | undefined;
    const filters = (criteria?.Filters ?? []).map((filter) => JSON.parse(filter.Pattern));
    expect(filters).toEqual([
      { dynamodb: { NewImage: { type: { S: ['Redemption', 'Voucher'] } } } },
      { dynamodb: { OldImage: { type: { S: ['Redemption', 'Voucher'] } } } },
    ]);
  });

  it('the failure queue is encrypted, TLS-only, and keeps a message 14 days', () => {
    dev.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('an alarm says when the aggregator falls behind the stream (figures no longer fresh)', () => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(dev.stack, aggregator) } }],
      Threshold: 60_000,
    });
  });
});

describe('least privilege of the aggregator', () => {
  it('reads and writes the table only in its own partitions (dashboard, household usage, markers)', () => {
    const onTable = statements().filter((statement) => [statement.Action].flat().some(isTableAction));
    expect(onTable).toHaveLength(1);
    expect([onTable[0]?.Action].flat().sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(onTable[0]).toMatchObject({
      Resource: { 'Fn::GetAtt': [tableId(), 'Arn'] },
      Condition: {
        'ForAllValues:StringLike': {
          'dynamodb:LeadingKeys': dashboardKeys.partitionPrefixes.map((prefix) => `${prefix}*`),
        },
      },
    });
    expect(properties().Environment).toEqual({
      Variables: expect.objectContaining({ TABLE_NAME: { Ref: tableId() } }),
    });
  });

  it('reads the stream of that table only, and sends only to its failure queue', () => {
    const others = statements().filter((statement) =>
      [statement.Action].flat().every((action) => !isTableAction(action)),
    );
    const actions = others.flatMap((statement) => [statement.Action].flat()).sort();
    expect(actions).toEqual(
      [
        ...STREAM_ACTIONS,
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ].sort(),
    );
    for (const statement of others) {
      const action = [statement.Action].flat()[0] ?? '';
      if (action.startsWith('dynamodb:'))
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId(), 'StreamArn'] });
      if (action.startsWith('sqs:')) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [queueId(), 'Arn'] });
    }
  });

  it('gets no secret, no bucket, no job and no state machine', () => {
    const variables = (properties().Environment as { Variables: Record<string, unknown> }).Variables;
    expect(
      Object.keys(variables).filter((name) => /SECRET|BUCKET|FUNCTION_NAME|STATE_MACHINE|MAIL/.test(name)),
    ).toEqual([]);
    const actions = statements().flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => /^(s3|secretsmanager|kms|lambda|states|ses):/.test(action))).toEqual([]);
  });
});
