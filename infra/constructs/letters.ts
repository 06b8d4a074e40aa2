/**
 * Letters in AWS: the letter run's state machine (infra/workflows/letters-workflow.ts) with one
 * least-privilege function per step, in a nested stack of its own, and an alarm when a run fails.
 */
import { Duration, NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { SecretName } from '../../functions/routes/route.ts';
import { buildLettersDefinition, LETTER_TASKS, type LetterTaskName } from '../workflows/letters-workflow.ts';
import type { MailResources } from './grants.ts';
import type { ProjectFunction, ProjectFunctionProps } from './project-function.ts';
import { RunStateMachine } from './run-state-machine.ts';
import type { TownSettings } from './town-settings.ts';

export interface LettersProps {
  readonly stage: string;
  readonly table: ITableV2;
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  readonly buckets: { readonly documents: IBucket };
  readonly town: TownSettings;
  readonly mail: MailResources;
  /** The public site (CloudFront): where the letters' QR codes lead (`/bon/#<code>`). */
  readonly publicSiteUrl: string;
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class Letters extends NestedStack {
  readonly stateMachine: StateMachine;
  readonly functions: Readonly<Record<LetterTaskName, ProjectFunction>>;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: LettersProps) {
    super(scope, id, { description: `Letter runs of the voucher platform (${props.stage})` });
    const machine = new RunStateMachine(this, 'Run', {
      stage: props.stage,
      comment: 'Letter run: plan the letters, render each print batch, delete every copy of the codes but the PDFs',
      tasks: LETTER_TASKS,
      build: buildLettersDefinition,
      resources: {
        table: props.table,
        secrets: props.secrets,
        buckets: props.buckets,
        mail: props.mail,
        town: props.town,
        publicSiteUrl: props.publicSiteUrl,
      },
      timeout: Duration.hours(6),
      ...(props.functionDefaults ? { functionDefaults: props.functionDefaults } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    this.stateMachine = machine.stateMachine;
    this.functions = machine.functions;
    this.alarms = [
      new Alarm(this, 'RunFailed', {
        metric: this.stateMachine.metricFailed({ period: Duration.hours(1), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: 'A letter run failed: it is FAILED, and asking for letters again resumes it.',
      }),
    ];
  }

  /** Sends the letters' alarms to `topic` (the stack's operators topic). */
  notify(topic: ITopic): void {
    for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(topic));
  }
}
