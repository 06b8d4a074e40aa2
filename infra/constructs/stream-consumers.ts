/**
 * The functions the table's stream invokes (functions/streams/stream-consumers.ts): each with an event source
 * mapping filtered to its item types, batches halved and retried on error, then sent to an encrypted failure
 * queue that raises an alarm (a record is never dropped silently), and with table access limited to its own
 * partitions. The local target's poller (infra/local/services/streams.ts) reads the same table.
 */
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/runtime/environment-variables.ts';
import { STREAM_CONSUMER_LIST, type StreamConsumer } from '../../functions/streams/stream-consumers.ts';
import { failureQueue } from './failure-queue.ts';
import { ProjectFunction, type ProjectFunctionProps, REPO_ROOT } from './project-function.ts';

export interface StreamConsumersProps {
  readonly stage: string;
  /** The table whose stream (NEW_AND_OLD_IMAGES) invokes the consumers. */
  readonly table: ITableV2;
  /**
   * The consumers to deploy.
   * @default STREAM_CONSUMER_LIST
   */
  readonly consumers?: readonly StreamConsumer[];
  /** Defaults for every consumer (log retention, log level, ...). */
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
  /**
   * Lag (age of the oldest record not yet handled) that raises the alarm: the dashboard promises figures
   * fresh within seconds.
   * @default Duration.minutes(1)
   */
  readonly maxIteratorAge?: Duration;
}

export class StreamConsumers extends Construct {
  /** Each consumer's function, by consumer name. */
  readonly functions: Readonly<Record<string, ProjectFunction>>;
  /** Where each consumer's records go once its retries are exhausted (metadata: shard and sequence numbers). */
  readonly failureQueues: Readonly<Record<string, Queue>>;
  /** Failed records and lag; notify() sends them to the operators' topic. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: StreamConsumersProps) {
    super(scope, id);
    if (!props.table.tableStreamArn) throw new Error('StreamConsumers: the table has no stream');
    const functions: Record<string, ProjectFunction> = {};
    const failureQueues: Record<string, Queue> = {};
    const alarms: Alarm[] = [];
    for (const consumer of props.consumers ?? STREAM_CONSUMER_LIST) {
      const fn = new ProjectFunction(this, consumer.name, {
        ...props.functionDefaults,
        entry: join(REPO_ROOT, consumer.entry),
        stage: props.stage,
        description: consumer.description.slice(0, 256),
        timeout: Duration.seconds(consumer.timeoutSeconds),
        memorySize: consumer.memorySize,
      });
      grantOwnPartitions(fn, props.table, consumer);

      const { queue: failures, alarm: failed } = failureQueue(this, {
        queueId: `${consumer.name}Failures`,
        alarmId: `${consumer.name}FailedRecords`,
        whose: `${consumer.name}'s stream mapping`,
        alarmDescription: `${consumer.name} gave up on stream records after its retries: they are not counted until replayed (see its failure queue).`,
      });
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          // Everything the stream still holds: a consumer deployed late counts what its 24 hours hold.
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          maxBatchingWindow: Duration.seconds(consumer.batchingWindowSeconds),
          bisectBatchOnError: true,
          retryAttempts: consumer.retryAttempts,
          onFailure: new SqsDlq(failures),
          filters: [
            FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.or(...consumer.itemTypes) } } } }),
            FilterCriteria.filter({ dynamodb: { OldImage: { type: { S: FilterRule.or(...consumer.itemTypes) } } } }),
          ],
        }),
      );
      alarms.push(
        failed,
        new Alarm(this, `${consumer.name}Lag`, {
          metric: fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
          threshold: (props.maxIteratorAge ?? Duration.minutes(1)).toMilliseconds(),
          evaluationPeriods: 3,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
          alarmDescription: `${consumer.name} is behind the table's stream: the dashboard's figures are not fresh.`,
        }),
      );
      functions[consumer.name] = fn;
      failureQueues[consumer.name] = failures;
    }
    this.functions = functions;
    this.failureQueues = failureQueues;
    this.alarms = alarms;
  }

  /** Sends the consumers' alarms to `topic` (the stack's operators topic). */
  notify(topic: ITopic): void {
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(new SnsAction(topic));
      alarm.addOkAction(new SnsAction(topic));
    }
  }
}

/**
 * Reads and writes of the consumer's own partitions only (IAM `dynamodb:LeadingKeys`): it cannot touch a
 * voucher, a redemption or anything personal. TransactWriteItems is authorised per item by these actions.
 */
function grantOwnPartitions(fn: ProjectFunction, table: ITableV2, consumer: StreamConsumer): void {
  fn.addEnvironment(ENV.tableName, table.tableName);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:ConditionCheckItem',
      ],
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': consumer.partitionPrefixes.map((prefix) => `${prefix}*`) },
      },
    }),
  );
}
