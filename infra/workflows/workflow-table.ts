/**
 * The state machines the local target serves on its Step Functions endpoint, each rendered from the CDK
 * definition the stack deploys and its Lambda tasks bound to their handler modules. Add a machine with
 * `localWorkflow(...)` to WORKFLOW_LIST; the target builds the endpoint's machine table with workflowMachines().
 */

import { localStateMachineArn } from '../local/resources.ts';
import type { LocalStateMachine } from '../local/services/stepfunctions.ts';
import { buildLettersDefinition, LETTER_TASKS, type LetterTaskName } from './letters-workflow.ts';
import { type DefinitionBuilder, type RenderedStateMachine, renderAsl } from './render-asl.ts';
import { buildSettlementDefinition, SETTLEMENT_TASKS, type SettlementTaskName } from './settlement-workflow.ts';

export interface LocalWorkflow {
  /** The state machine's name: the last part of its ARN. */
  readonly name: string;
  /** Its local ARN (localStateMachineArn(name)): what StartExecution names. */
  readonly stateMachineArn: string;
  readonly rendered: RenderedStateMachine<string>;
  /** Function name (a key of rendered.functionArns) -> handler module, relative to the repository root. */
  readonly functions: Readonly<Record<string, string>>;
}

export { localStateMachineArn };

/**
 * Renders a definition and binds each of its functions to a handler module, e.g.
 * `localWorkflow({ name: 'settlement', build: buildSettlement, functions: { computeTotals: 'functions/settlement/compute-totals.ts' } })`.
 */
export function localWorkflow<Name extends string>(spec: {
  readonly name: string;
  readonly build: DefinitionBuilder<Name>;
  readonly functions: Readonly<Record<Name, string>>;
}): LocalWorkflow {
  const rendered = renderAsl(Object.keys(spec.functions) as Name[], spec.build);
  return { name: spec.name, stateMachineArn: localStateMachineArn(spec.name), rendered, functions: spec.functions };
}

/** The Step Functions endpoint's table: state machine ARN -> definition, function ARN -> handler module. */
export function workflowMachines(workflows: readonly LocalWorkflow[]): Record<string, LocalStateMachine> {
  return Object.fromEntries(
    workflows.map((workflow) => {
      const functions: Record<string, string> = {};
      for (const [name, entry] of Object.entries(workflow.functions)) {
        const arn = (workflow.rendered.functionArns as Record<string, string>)[name];
        if (!arn) throw new Error(`Workflow ${workflow.name}: ${name} is not a function of its definition`);
        functions[arn] = entry;
      }
      return [workflow.stateMachineArn, { definition: workflow.rendered.definition, functions }];
    }),
  );
}

/** The settlement run, as the stack deploys it, its tasks bound to the same handler modules. */
export const SETTLEMENT_WORKFLOW: LocalWorkflow = localWorkflow({
  name: 'settlement',
  build: buildSettlementDefinition,
  functions: Object.fromEntries(Object.entries(SETTLEMENT_TASKS).map(([name, task]) => [name, task.entry])) as Record<
    SettlementTaskName,
    string
  >,
});

/** The letter run, as the stack deploys it. */
export const LETTERS_WORKFLOW: LocalWorkflow = localWorkflow({
  name: 'letters',
  build: buildLettersDefinition,
  functions: Object.fromEntries(Object.entries(LETTER_TASKS).map(([name, task]) => [name, task.entry])) as Record<
    LetterTaskName,
    string
  >,
});

/** Every state machine of the local target. */
export const WORKFLOW_LIST: readonly LocalWorkflow[] = [SETTLEMENT_WORKFLOW, LETTERS_WORKFLOW];
