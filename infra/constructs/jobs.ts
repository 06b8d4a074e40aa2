/**
 * The background jobs (functions/jobs/job-table.ts): one worker function each, started by an async invoke
 * from the API (register import, issuance run) or daily by EventBridge Scheduler (the purge of personal
 * data), with exactly the permissions its definition declares.
 * Lambda does not retry them: each worker claims its job once, and a failure is recorded on the job for
 * staff to see and start again, rather than replayed blindly. A worker that dies without a word (timeout,
 * out of memory) leaves its run to its heartbeat lease (shared/jobs/job-lease.ts, resumed by staff); Lambda
 * sends the lost invocation to one on-failure queue, whose alarm tells the operators.
 */
import { join } from 'node:path';
import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { JOB_LIST, type JobDefinition } from '../../functions/jobs/job-table.ts';
import type { JobName, SecretName } from '../../functions/routes/route.ts';
import { failureQueue } from './failure-queue.ts';
import { grantPermissions } from './grants.ts';
import { ProjectFunction, type ProjectFunctionProps, REPO_ROOT, referenceOf } from './project-function.ts';

export interface JobsProps {
  readonly stage: string;
  readonly table: ITableV2;
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  readonly buckets: { readonly documents: IBucket };
  /**
   * The jobs to deploy.
   * @default JOB_LIST
   */
  readonly jobs?: readonly JobDefinition[];
  /** Defaults for every worker (log retention, log level, ...). */
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
}

export class Jobs extends Construct {
  /** Each job's worker function, by job name. */
  readonly functions: Readonly<Record<JobName, ProjectFunction>>;
  /**
   * Where Lambda sends every job invocation that failed or died (the event, and the error): the run it was
   * for is then resumable by staff once its lease runs out.
   */
  readonly failureQueue: Queue;
  /** A message in the failure queue; notify() sends it to the operators' topic. */
  readonly failureAlarm: Alarm;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const definitions = props.jobs ?? JOB_LIST;
    const functions: Partial<Record<JobName, ProjectFunction>> = {};
    const failures = failureQueue(this, {
      queueId: 'Failures',
      alarmId: 'FailedInvocations',
      whose: "the job workers' async invokes",
      alarmDescription:
        'A job worker (import, issuance, purge) failed or died: its run is stuck until staff resume it once its lease runs out (see the failure queue).',
    });
    this.failureQueue = failures.queue;
    this.failureAlarm = failures.alarm;
    const onFailure = new SqsDestination(this.failureQueue);
    for (const job of definitions) {
      if (job.timeoutSeconds > 900) throw new Error(`Jobs: ${job.name} asks for more than Lambda's 15 minutes`);
      const fn = new ProjectFunction(this, job.name, {
        ...props.functionDefaults,
        entry: join(REPO_ROOT, job.entry),
        stage: props.stage,
        description: job.description.slice(0, 256),
        timeout: Duration.seconds(job.timeoutSeconds),
        memorySize: job.memorySize,
      });
      fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.hours(1), onFailure });
      functions[job.name] = fn;
      if (job.dailyAt) {
        const role = new Role(this, `${job.name}SchedulerRole`, {
          assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
          description: `Lets EventBridge Scheduler start ${job.name}`,
        });
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${referenceOf(fn.node.defaultChild, 'Arn')}:*]`,
          reason: `The scheduler target grants lambda:InvokeFunction on ${job.name} and its own versions/aliases (<arn>:*), no other function.`,
        });
        new Schedule(this, `${job.name}Daily`, {
          description: `${job.name}, daily at ${job.dailyAt.hour}:${String(job.dailyAt.minute).padStart(2, '0')} Brussels time`,
          schedule: ScheduleExpression.cron({
            hour: String(job.dailyAt.hour),
            minute: String(job.dailyAt.minute),
            timeZone: TimeZone.EUROPE_BRUSSELS,
          }),
          // A missed day is caught up the next: the job does whatever is due, so one retry is plenty.
          target: new LambdaInvoke(fn, { input: ScheduleTargetInput.fromObject({}), retryAttempts: 1, role }),
        });
      }
    }
    for (const job of definitions) {
      const fn = functions[job.name];
      if (!fn) continue;
      // A worker that starts itself again (to hand a long run over) cannot take the grant on its own role's
      // default policy, nor its own name in its environment: the function depends on both, and both would
      // depend on the function. It finds its name in its invocation context, and a policy of its own,
      // attached to the role, carries the grant.
      const others = (job.permissions.jobs ?? []).filter((name) => name !== job.name);
      grantPermissions(fn, `Jobs: ${job.name}`, { ...job.permissions, jobs: others }, { ...props, jobs: functions });
      if (job.permissions.jobs?.includes(job.name)) {
        const role = fn.role;
        if (!role) throw new Error(`Jobs: ${job.name} has no role`);
        new Policy(this, `${job.name}SelfInvoke`, {
          roles: [role],
          statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] })],
        });
      }
    }
    this.functions = functions as Record<JobName, ProjectFunction>;
  }

  /** Sends the failure alarm to `topic` (the stack's operators topic). */
  notify(topic: ITopic): void {
    this.failureAlarm.addAlarmAction(new SnsAction(topic));
    this.failureAlarm.addOkAction(new SnsAction(topic));
  }
}
