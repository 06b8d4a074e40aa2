/**
 * Runs the state machines the stack deploys (rendered locally) in the test's process, their tasks bound to
 * the same task functions as the Lambda handlers but with the test's clock: so a test can kill an execution
 * between two steps, run two at once, or move time by hand.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { settlementConfigFromEnvironment } from '../../functions/runtime/settlement-settings.ts';
import { settlementTasks } from '../../functions/settlement/tasks/settlement-tasks.ts';
import type { SettlementTaskName } from '../../functions/settlement/tasks/task-table.ts';
import type { ControllableClock } from '../../infra/local/stepfunctions/clocks.ts';
import { startLocalExecution, type TaskFunction } from '../../infra/local/stepfunctions/local-runner.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { type LocalWorkflow, SETTLEMENT_WORKFLOW } from '../../infra/workflows/workflow-table.ts';
import { createS3Client, createSesClient } from '../../shared/aws/clients.ts';
import { createSesMailer } from '../../shared/aws/ses-mailer.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import type { SettlementDependencies } from '../../shared/services/settlement-dependencies.ts';
import type { PrivateTarget } from './private-target.ts';

export interface Step<Name extends string = SettlementTaskName> {
  readonly task: Name;
  /** Steps completed before this one in the execution. */
  readonly index: number;
}

export interface ExecutionOptions<Name extends string = SettlementTaskName> {
  /** The clock of the tasks (and of the Wait states, if it is a controllable clock). */
  readonly now?: () => Date;
  readonly clock?: ControllableClock;
  /** Kill the execution (abort: no Catch, no MarkFailed) once this step has completed. */
  readonly killAfter?: (step: Step<Name>) => boolean;
  /** Also the execution's id ($$.Execution.Id), as a run's owner. */
  readonly executionId?: string;
}

export interface ExecutionOutcome<Name extends string = SettlementTaskName> {
  readonly killed: boolean;
  readonly steps: readonly Step<Name>[];
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
export function executeSettlement(
  deps: SettlementDependencies,
  input: { runId?: string },
  options: ExecutionOptions = {},
): Promise<ExecutionOutcome> {
  return executeWorkflow(SETTLEMENT_WORKFLOW, settlementTasks(deps), input, options);
}

/** Runs one execution of a local workflow with its tasks bound to `tasks`, killed after a step if asked. */
export async function executeWorkflow<Name extends string>(
  workflow: LocalWorkflow,
  tasks: Readonly<Record<Name, (event: unknown, context: Context) => Promise<unknown>>>,
  input: Record<string, unknown>,
  options: ExecutionOptions<Name> = {},
): Promise<ExecutionOutcome<Name>> {
  const steps: Array<Step<Name>> = [];
  let kill: (() => void) | undefined;
  let killed = false;
  const functions: Record<string, TaskFunction> = {};
  for (const [name, arn] of Object.entries(workflow.rendered.functionArns) as [Name, string][]) {
    const task = tasks[name];
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
    options.executionId ?? `arn:aws:states:eu-west-1:000000000000:execution:${workflow.name}:${randomUUID()}`;
  const execution = await startLocalExecution(workflow.rendered.definition, input as never, {
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
  (step: { index: number }): boolean =>
    step.index === n;

/** Kill once the reports are out: the run then only waits for finance, which these tests do not need. */
export const afterReports = (step: Step): boolean => step.task === 'sendReports';
