/**
 * Starts state machines with Step Functions StartExecution; locally the same call reaches the local Step
 * Functions endpoint. Each machine's ARN comes from `<WORKFLOW>_STATE_MACHINE_ARN`, set by its grant.
 */
import { randomUUID } from 'node:crypto';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod/mini';
import { createSfnClient } from '../../shared/aws/clients.ts';
import type { StartWorkflow, WorkflowName } from '../../shared/services/workflows.ts';
import { awsClientOptions, type BaseConfigSchema, loadConfig } from './config.ts';
import { workflowArnVariable } from './environment-variables.ts';

/** A StartWorkflow for the machines this handler declared; an undeclared one fails its cold start. */
export function workflowStarter(workflows: readonly WorkflowName[]): StartWorkflow {
  const config = loadConfig(
    Object.fromEntries(workflows.map((name) => [workflowArnVariable(name), z.string().check(z.minLength(1))])),
  );
  const sfn = createSfnClient(awsClientOptions(config as z.infer<typeof BaseConfigSchema>));
  return async (workflow, input) => {
    const stateMachineArn = (config as Record<string, unknown>)[workflowArnVariable(workflow)];
    if (typeof stateMachineArn !== 'string') throw new Error(`Workflow ${workflow} is not declared by this function`);
    // Execution names are unique for 90 days: one per start, the run id first for whoever reads the console.
    const name = `${'runId' in input && input.runId ? input.runId : workflow}-${randomUUID().slice(0, 8)}`;
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  };
}
