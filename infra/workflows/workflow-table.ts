/**
 * The state machines the local target serves on its Step Functions endpoint, each rendered from the CDK
 * definition the stack deploys and its Lambda tasks bound to their handler modules. Add a machine with
 * `localWorkflow(...)` to WORKFLOW_LIST; the target builds the endpoint's machine table with workflowMachines().
 */
import type { LocalStateMachine } from '../local/services/stepfunctions.ts';
import {
  type DefinitionBuilder,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  type RenderedStateMachine,
  renderAsl,
} from './render-asl.ts';

export interface LocalWorkflow {
  /** The state machine's name: the last part of its ARN. */
  readonly name: string;
  /** Its local ARN (localStateMachineArn(name)): what StartExecution names. */
  readonly stateMachineArn: string;
  readonly rendered: RenderedStateMachine<string>;
  /** Function name (a key of rendered.functionArns) -> handler module, relative to the repository root. */
  readonly functions: Readonly<Record<string, string>>;
}

export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
}

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

/** Every state machine of the local target (none yet: the settlement run comes next). */
export const WORKFLOW_LIST: readonly LocalWorkflow[] = [];
