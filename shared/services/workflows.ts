/**
 * State machines, as the services see them: a name and an input. How one is started (Step Functions
 * StartExecution in AWS, the local Step Functions endpoint locally) is functions/runtime/workflows.ts's.
 */
export const WORKFLOW_NAMES = ['settlement', 'letters'] as const;
export type WorkflowName = (typeof WORKFLOW_NAMES)[number];

export interface WorkflowInputs {
  /** The run to work on; the daily schedule names none (the first step opens or resumes one). */
  readonly settlement: { readonly runId?: string };
  /** The letter run to work on (POST /campaigns/{id}/letter-runs records it first). */
  readonly letters: { readonly runId: string };
}

/** Starts an execution and returns once it is accepted. */
export type StartWorkflow = <W extends WorkflowName>(workflow: W, input: WorkflowInputs[W]) => Promise<void>;
