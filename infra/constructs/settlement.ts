/**
 * Settlement in AWS: the state machine (infra/workflows/settlement-workflow.ts) with one least-privilege
 * function per step, its daily EventBridge Scheduler start, and the alarms that make a payout nearing its
 * 10-day deadline unapproved (or a failed run) loud.
 */
import { Duration, NestedStack, type RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { SecretName } from '../../functions/routes/route.ts';
import {
  buildSettlementDefinition,
  DAILY_SETTLEMENT_AT,
  SETTLEMENT_TASKS,
  type SettlementTaskName,
} from '../workflows/settlement-workflow.ts';
import type { MailResources } from './grants.ts';
import type { ProjectFunction, ProjectFunctionProps } from './project-function.ts';
import { RunStateMachine } from './run-state-machine.ts';
import type { TownSettings } from './town-settings.ts';

export interface SettlementProps {
  readonly stage: string;
  readonly table: ITableV2;
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  readonly buckets: { readonly documents: IBucket };
  readonly town: TownSettings;
  /** The town's mail sender (infra/constructs/mail.ts). */
  readonly mail: MailResources;
  /** Defaults for every task function (log retention, log level, ...). */
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
  /**
   * What happens to the state machine's execution log when the stack goes.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** The metrics the settlement steps emit (functions/runtime/settlement-settings.ts, EMF). */
const METRIC_NAMESPACE = 'VoucherPlatform';

/**
 * A nested stack of its own: the platform's resources would otherwise approach CloudFormation's 500 per
 * stack, and settlement is one capability that deploys and rolls back as a whole.
 */
export class Settlement extends NestedStack {
  readonly stateMachine: StateMachine;
  /** The task functions, by task name. */
  readonly functions: Readonly<Record<SettlementTaskName, ProjectFunction>>;
  /** Alarms on missed payouts and failed runs; notify() sends them to the operators' topic. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: SettlementProps) {
    super(scope, id, { description: `Settlement runs of the voucher platform (${props.stage})` });
    const machine = new RunStateMachine(this, 'Run', {
      stage: props.stage,
      comment: 'Settlement run: close each shop, write the payment file, mail, wait for approval, record the payout',
      tasks: SETTLEMENT_TASKS,
      build: buildSettlementDefinition,
      resources: {
        table: props.table,
        secrets: props.secrets,
        buckets: props.buckets,
        mail: props.mail,
        town: props.town,
      },
      // The approval loop may wait past the 10-day deadline (loudly); a year bounds a forgotten run.
      timeout: Duration.days(365),
      ...(props.functionDefaults ? { functionDefaults: props.functionDefaults } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    this.stateMachine = machine.stateMachine;
    this.functions = machine.functions;

    new Schedule(this, 'Daily', {
      description: `Settlement run, daily at ${DAILY_SETTLEMENT_AT.hour}:${String(DAILY_SETTLEMENT_AT.minute).padStart(2, '0')} Brussels time`,
      schedule: ScheduleExpression.cron({
        hour: String(DAILY_SETTLEMENT_AT.hour),
        minute: String(DAILY_SETTLEMENT_AT.minute),
        timeZone: TimeZone.EUROPE_BRUSSELS,
      }),
      // No run id: the first step opens the day's run, or resumes one that stopped.
      target: new StepFunctionsStartExecution(this.stateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        retryAttempts: 3,
      }),
    });

    const stageMetric = (metricName: string) =>
      new Metric({
        namespace: METRIC_NAMESPACE,
        metricName,
        dimensionsMap: { service: 'voucher-platform', stage: props.stage },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
    const alarm = (alarmId: string, metric: Metric, description: string) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      return created;
    };
    this.alarms = [
      alarm(
        'ApprovalEscalated',
        stageMetric('SettlementApprovalEscalations'),
        'A settlement run is one day from its payout deadline and finance has not confirmed the payment: the admin was mailed.',
      ),
      alarm(
        'PayoutOverdue',
        stageMetric('SettlementPayoutsOverdue'),
        'A settlement run passed its payout deadline unpaid: shops wait longer than the 10 days the town promised.',
      ),
      alarm(
        'RunFailed',
        this.stateMachine.metricFailed({ period: Duration.hours(1), statistic: 'Sum' }),
        'A settlement execution failed: the run is FAILED and the next run (daily, or finance’s) resumes it.',
      ),
    ];
  }

  /** Sends the settlement alarms to `topic` (the stack's operators topic, created after the API). */
  notify(topic: ITopic): void {
    for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(topic));
  }
}
