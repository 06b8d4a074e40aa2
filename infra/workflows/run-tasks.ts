/**
 * What the platform's run state machines share: a Lambda task with the run's retry policy, and the guard
 * every step of a run gets (another execution holds the run: stop quietly; anything else: mark it failed).
 */
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type IChainable,
  type INextable,
  type Map as MapState,
  TaskInput,
  type TaskStateBase,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

export interface RunTaskOptions {
  readonly fn: IFunction;
  /** The function's timeout: the task waits as long (Step Functions' default is 60 s). */
  readonly timeoutSeconds: number;
  readonly payload: Record<string, unknown>;
  /** Where the result goes in the state (default: it replaces the state). */
  readonly resultPath?: string;
  /** Errors that mean "try again in a moment", with their own patience. */
  readonly transient?: readonly string[];
}

export function runTask(scope: Construct, id: string, options: RunTaskOptions): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: options.fn,
    payloadResponseOnly: true,
    taskTimeout: Timeout.duration(Duration.seconds(options.timeoutSeconds)),
    payload: TaskInput.fromObject(options.payload),
    ...(options.resultPath ? { resultPath: options.resultPath } : {}),
  });
  // Another execution took the run over: nothing to retry, this one stops quietly (its guard catches it).
  task.addRetry({ errors: ['RunSuperseded'], maxAttempts: 0 });
  if (options.transient?.length) {
    task.addRetry({ errors: [...options.transient], interval: Duration.seconds(5), backoffRate: 2, maxAttempts: 6 });
  }
  task.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 4 });
  return task;
}

/** Catches a run's step: RunSuperseded ends the execution quietly, anything else goes to `onFailure`. */
export function guarded<T extends TaskStateBase | MapState>(
  state: T,
  superseded: IChainable,
  onFailure: IChainable & INextable,
): T {
  state.addCatch(superseded, { errors: ['RunSuperseded'] });
  state.addCatch(onFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
  return state;
}

/** The payload members every step of a run gets. */
export const RUN_PAYLOAD = { 'runId.$': '$.runId', 'executionId.$': '$.executionId' } as const;
