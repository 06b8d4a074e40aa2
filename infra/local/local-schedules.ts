/**
 * What the local scheduler fires, built the way the CDK stack builds its EventBridge schedules: each daily job
 * of the job table by an async Invoke of its function, with the same `{}` input. Workflow schedules go here too.
 */
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { JOB_LIST, type JobDefinition } from '../../functions/jobs/job-table.ts';
import { DAILY_SETTLEMENT_AT } from '../workflows/settlement-workflow.ts';
import { SETTLEMENT_WORKFLOW } from '../workflows/workflow-table.ts';
import { LOCAL_RESOURCES } from './resources.ts';
import type { LocalSchedule } from './scheduler.ts';

export interface ScheduleTargets {
  /** Pointed at the local Lambda endpoint. */
  readonly lambda: LambdaClient;
  /** Pointed at the local Step Functions endpoint. */
  readonly sfn: SFNClient;
}

/** An Event invoke, as the scheduler's LambdaInvoke target does: answers once the job is queued, not done. */
export async function invokeAsync(lambda: LambdaClient, functionName: string, payload: unknown = {}): Promise<void> {
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
    }),
  );
  if (answer.StatusCode !== 202) throw new Error(`Invoke of ${functionName} answered ${answer.StatusCode}`);
}

/** StartExecution, for a workflow's daily schedule; `name` makes the start idempotent (one run a day). */
export async function startWorkflow(
  sfn: SFNClient,
  stateMachineArn: string,
  input: unknown,
  name?: string,
): Promise<string> {
  const answer = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }),
  );
  if (!answer.executionArn) throw new Error(`StartExecution of ${stateMachineArn} returned no execution`);
  return answer.executionArn;
}

/** One schedule per job with `dailyAt`; `functionName` maps a job to the name the Lambda endpoint knows. */
export function dailyJobSchedules(
  lambda: LambdaClient,
  jobs: ReadonlyArray<Pick<JobDefinition, 'name' | 'dailyAt'>> = JOB_LIST,
  functionName: (job: JobDefinition['name']) => string = (job) => LOCAL_RESOURCES.jobs[job],
): LocalSchedule[] {
  return jobs.flatMap((job) =>
    job.dailyAt
      ? [{ name: job.name, dailyAt: job.dailyAt, run: () => invokeAsync(lambda, functionName(job.name)) }]
      : [],
  );
}

/** Every schedule of the local target. */
export function localSchedules(targets: ScheduleTargets): LocalSchedule[] {
  return [
    ...dailyJobSchedules(targets.lambda),
    {
      // As the stack's schedule: no run id, the first step opens the day's run or resumes one that stopped.
      name: 'settlement',
      dailyAt: DAILY_SETTLEMENT_AT,
      run: async () => {
        await startWorkflow(targets.sfn, SETTLEMENT_WORKFLOW.stateMachineArn, {});
      },
    },
  ];
}
