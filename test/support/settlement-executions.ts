/**
 * Runs the settlement state machine the stack deploys (rendered locally) in the test's process, its tasks
 * bound to the same task functions as the Lambda handlers but with the test's clock: so a test can kill an
 * execution between two steps, run two at once, or move time by hand.
 */
import { randomUUID } from 'node:crypto';
import { settlementConfigFromEnvironment } from '../../functions/runtime/settlement-settings.ts';
import { type SettlementTask, settlementTasks } from '../../functions/settlement/tasks/settlement-tasks.ts';
import type { SettlementTaskName } from '../../functions/settlement/tasks/task-table.ts';
import type { ControllableClock } from '../../infra/local/stepfunctions/clocks.ts';
import { startLocalExecution, type TaskFunction } from '../../infra/local/stepfunctions/local-runner.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { SETTLEMENT_WORKFLOW } from '../../infra/workflows/workflow-table.ts';
import { createS3Client, createSesClient } from '../../shared/aws/clients.ts';
import { createSesMailer } from '../../shared/aws/ses-mailer.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import type { SettlementDependencies } from '../../shared/services/settlement-dependencies.ts';
import type { PrivateTarget } from './private-target.ts';

export interface Step {
  readonly task: SettlementTaskName;
  /** Steps completed before this one in the execution. */
  readonly index: number;
}

export interface ExecutionOptions {
  /** The clock of the tasks (and of the Wait states, if it is a controllable clock). */
  readonly now?: () => Date;
  readonly clock?: ControllableClock;
  /** Kill the execution (abort: no Catch, no MarkFailed) once this step has completed. */
  readonly killAfter?: (step: Step) => boolean;
  /** Also the execution's id ($$.Execution.Id), as a run's owner. */
  readonly executionId?: string;
}

export interface ExecutionOutcome {
  readonly killed: boolean;
  readonly steps: readonly Step[];
  readonly output?: unknown;
}

/** The dependencies the Lambda handlers build, pointed at the private target, with `now` as their clock. */
export function settlementDependenciesFor(
  env: PrivateTarget,
  now: () => Date = () => new Date(),
): SettlementDependencies {
  const endpoints = env.target.endpoints;
  const config = settlementConfigFromEnvironment();
  return {
    table: env.table,
    documents: createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints }),
      bucket: env.target.buckets.documents,
    }),
    sendMail: createSesMailer({
      ses: createSesClient({ region: 'eu-west-1', endpoints }),
      from: 'Commune de Boussu <cheques-commerces@boussu.example>',
    }),
    now,
    config,
  };
}

/**
 * Runs one execution of the settlement machine to its end, or until `killAfter` says so (then the run is
 * left as a crashed execution leaves it).
 */
export async function executeSettlement(
  deps: SettlementDependencies,
  input: { runId?: string },
  options: ExecutionOptions = {},
): Promise<ExecutionOutcome> {
  const tasks = settlementTasks(deps);
  const steps: Step[] = [];
  let kill: (() => void) | undefined;
  let killed = false;
  const functions: Record<string, TaskFunction> = {};
  for (const [name, arn] of Object.entries(SETTLEMENT_WORKFLOW.rendered.functionArns) as [
    SettlementTaskName,
    string,
  ][]) {
    const task: SettlementTask = tasks[name];
    functions[arn] = async (event, context) => {
      const output = await task(event, context);
      const step = { task: name, index: steps.length };
      steps.push(step);
      if (!killed && options.killAfter?.(step)) {
        killed = true;
        kill?.();
      }
      return output;
    };
  }
  const executionId =
    options.executionId ?? `arn:aws:states:eu-west-1:000000000000:execution:settlement:${randomUUID()}`;
  const execution = await startLocalExecution(SETTLEMENT_WORKFLOW.rendered.definition, input as never, {
    functions,
    repoRoot: REPO_ROOT,
    ...(options.clock ? { clock: options.clock } : {}),
    context: { Execution: { Id: executionId, Name: executionId.split(':').pop() } },
    name: executionId,
  });
  kill = () => execution.abort();
  try {
    const output = await execution.result;
    return { killed, steps, output };
  } catch (error) {
    if (killed) {
      await execution.finished;
      return { killed, steps };
    }
    throw error;
  }
}

/** Kill after the `n`-th step (0 = the first one). */
export const afterStep =
  (n: number) =>
  (step: Step): boolean =>
    step.index === n;

/** Kill once the reports are out: the run then only waits for finance, which these tests do not need. */
export const afterReports = (step: Step): boolean => step.task === 'sendReports';
