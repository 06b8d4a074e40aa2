/**
 * Alarms and a dashboard for one stage: API 5xx, each function's errors and throttles, DynamoDB system
 * errors and throttles, all notifying one encrypted SNS topic that operators subscribe to.
 *
 * The topic stays in the stage's stack (operators' subscriptions hang on it); the alarms and the dashboard
 * are a nested stack of their own. One alarm per function is about 70 resources, and a stack holds at most
 * 500: kept in the main stack, they left room for only a few more routes.
 */
import { Duration, NestedStack, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly httpApi: HttpApi;
  /** The functions to watch, by a readable name (the route's operationId). */
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly table: ITableV2;
  /**
   * 5xx answers of the API within `period` that raise the alarm. Handlers turn domain errors into 4xx,
   * so a 5xx is a bug or an outage.
   * @default 5
   */
  readonly api5xxThreshold?: number;
  /**
   * The evaluation period of every alarm.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

// The DynamoDB operations the data layer uses; an alarm on a metric expression takes at most 10 metrics.
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
  Operation.BATCH_WRITE_ITEM,
];

export class Observability extends Construct {
  readonly alarmTopic: Topic;
  /** The nested stack of the alarms and the dashboard. */
  readonly alarmStack: NestedStack;
  readonly alarms: readonly Alarm[];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const period = props.period ?? Duration.minutes(5);
    const { stackName } = Stack.of(this);

    // A customer-managed key because CloudWatch must be allowed to use it: the AWS-managed aws/sns key's
    // policy cannot be changed, so alarms could not publish to a topic encrypted with it.
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the alarm topic of ${stackName}`,
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Voucher platform alarms',
      masterKey: key,
      enforceSSL: true,
    });
    const notify = new SnsAction(this.alarmTopic);
    const watch = new NestedStack(this, 'Alarms', { description: `Alarms and dashboard of ${stackName}` });
    this.alarmStack = watch;

    const alarms: Alarm[] = [];
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(watch, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not an incident.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      alarms.push(created);
      return created;
    };

    alarm(
      'Api5xx',
      props.httpApi.metricServerError({ period, statistic: 'Sum' }),
      props.api5xxThreshold ?? 5,
      'The API answered 5xx: a bug or an outage behind a route.',
    );
    // One alarm per function on errors + throttles (metric math), not one of each: two alarms for each of
    // ~60 functions would cost twice as much, for the same call to the operators.
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}Failures`,
        new MathExpression({
          expression: 'errors + throttles',
          usingMetrics: {
            errors: fn.metricErrors({ period, statistic: 'Sum' }),
            throttles: fn.metricThrottles({ period, statistic: 'Sum' }),
          },
          label: `${name} errors and throttles`,
          period,
        }),
        1,
        `${name}: unhandled errors, timeouts or throttled invocations.`,
      );
    }
    alarm(
      'TableSystemErrors',
      props.table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period }),
      1,
      'DynamoDB answered 5xx to the data layer.',
    );
    const tableThrottles = new MathExpression({
      expression: 'readThrottles + writeThrottles',
      usingMetrics: {
        readThrottles: props.table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
        writeThrottles: props.table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
      },
      label: 'Throttled requests',
      period,
    });
    alarm('TableThrottles', tableThrottles, 1, 'DynamoDB throttled requests (on-demand limits or a hot key).');
    this.alarms = alarms;

    const fnEntries = Object.entries(props.functions);
    this.dashboard = new Dashboard(watch, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [new TextWidget({ markdown: `# Voucher platform — ${stackName}`, width: 24, height: 1 })],
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [
              props.httpApi.metricCount({ period, statistic: 'Sum' }),
              props.httpApi.metricClientError({ period, statistic: 'Sum' }),
              props.httpApi.metricServerError({ period, statistic: 'Sum' }),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (p50, p99)',
            left: [
              props.httpApi.metricLatency({ period, statistic: 'p50' }),
              props.httpApi.metricLatency({ period, statistic: 'p99' }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Function errors',
            left: fnEntries.map(([name, fn]) => fn.metricErrors({ period, statistic: 'Sum', label: name })),
            width: 12,
          }),
          new GraphWidget({
            title: 'Function duration (p99)',
            left: fnEntries.map(([name, fn]) => fn.metricDuration({ period, statistic: 'p99', label: name })),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'DynamoDB capacity consumed',
            left: [
              props.table.metricConsumedReadCapacityUnits({ period, statistic: 'Sum' }),
              props.table.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum' }),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'DynamoDB throttles and conditional check failures',
            left: [tableThrottles, props.table.metricConditionalCheckFailedRequests({ period, statistic: 'Sum' })],
            width: 12,
          }),
        ],
      ],
    });
  }
}
