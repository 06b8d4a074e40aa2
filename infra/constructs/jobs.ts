/**
 * The background jobs (functions/jobs/job-table.ts): one worker function each, started by an async invoke
 * from the API (register import, issuance run) or daily by EventBridge Scheduler (the purge of personal
 * data), with exactly the permissions its definition declares.
 * Lambda does not retry them: each worker claims its job once, and a failure is recorded on the job for
 * staff to see and start again, rather than replayed blindly.
 */
import { join } from 'node:path';
import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { JOB_LIST, type JobDefinition } from '../../functions/jobs/job-table.ts';
import type { JobName, SecretName } from '../../functions/routes/route.ts';
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

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const definitions = props.jobs ?? JOB_LIST;
    const functions: Partial<Record<JobName, ProjectFunction>> = {};
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
      fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.hours(1) });
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
}
