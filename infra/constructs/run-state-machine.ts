/**
 * A run's state machine in AWS: one least-privilege function per task of its task table, the definition
 * built from those functions (the same builder the local target renders), traced and fully logged.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { WorkflowTaskDefinition } from '../../functions/settlement/tasks/task-table.ts';
import type { DefinitionBuilder } from '../workflows/render-asl.ts';
import { type GrantableResources, grantPermissions } from './grants.ts';
import { ProjectFunction, type ProjectFunctionProps, REPO_ROOT, referenceOf } from './project-function.ts';

export interface RunStateMachineProps<Name extends string> {
  readonly stage: string;
  /** What it is for, in the console. */
  readonly comment: string;
  readonly tasks: Readonly<Record<Name, WorkflowTaskDefinition>>;
  readonly build: DefinitionBuilder<Name>;
  /** What the tasks' permissions may name. */
  readonly resources: Omit<GrantableResources, 'jobs'>;
  /** The longest an execution may live. */
  readonly timeout: Duration;
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class RunStateMachine<Name extends string> extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: Readonly<Record<Name, ProjectFunction>>;

  constructor(scope: Construct, id: string, props: RunStateMachineProps<Name>) {
    super(scope, id);
    const functions = {} as Record<Name, ProjectFunction>;
    for (const [name, task] of Object.entries(props.tasks) as [Name, WorkflowTaskDefinition][]) {
      const fn = new ProjectFunction(this, name, {
        ...props.functionDefaults,
        entry: join(REPO_ROOT, task.entry),
        stage: props.stage,
        description: task.description.slice(0, 256),
        timeout: Duration.seconds(task.timeoutSeconds),
        memorySize: task.memorySize,
      });
      grantPermissions(fn, `${id}: ${name}`, task.permissions, { ...props.resources, jobs: {} });
      functions[name] = fn;
    }
    this.functions = functions;

    const logs = new LogGroup(this, 'ExecutionLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: props.comment,
      definitionBody: DefinitionBody.fromChainable(props.build(this, functions)),
      timeout: props.timeout,
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    const role = this.stateMachine.role;
    for (const fn of Object.values<ProjectFunction>(functions)) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${referenceOf(fn.node.defaultChild, 'Arn')}:*]`,
        reason:
          'LambdaInvoke grants lambda:InvokeFunction on this task function and its own versions (<arn>:*), no other.',
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery ' +
        '(logs:CreateLogDelivery, DescribeLogGroups, ...) support no resource-level permissions: AWS requires "*".',
    });
  }
}
