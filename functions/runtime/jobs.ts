/**
 * Starts background jobs with a Lambda async invoke (InvocationType Event): Lambda queues the event and
 * answers 202 at once, so the HTTP handler can answer 202 too. Locally the same call reaches the local
 * Lambda endpoint (infra/local/services/lambda.ts), which runs the job's handler module in the background.
 * Each job's function name comes from `<JOB>_FUNCTION_NAME`, set by the grant that allows the invoke.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import * as z from 'zod/mini';
import { createLambdaClient } from '../../shared/aws/clients.ts';
import type { JobName, JobPayloads, StartJob } from '../../shared/services/jobs.ts';
import { awsClientOptions, type BaseConfigSchema, loadConfig } from './config.ts';
import { jobFunctionVariable } from './environment-variables.ts';

let client: ReturnType<typeof createLambdaClient> | undefined;

function lambdaClient(config: z.infer<typeof BaseConfigSchema>) {
  client ??= createLambdaClient(awsClientOptions(config));
  return client;
}

async function invokeAsync(
  lambda: ReturnType<typeof createLambdaClient>,
  functionName: string,
  payload: unknown,
): Promise<void> {
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
    }),
  );
  if (answer.StatusCode !== 202) throw new Error(`Lambda did not accept ${functionName}: status ${answer.StatusCode}`);
}

/** A StartJob for the jobs this handler declared; a job it did not declare fails its cold start. */
export function jobStarter(jobs: readonly JobName[]): StartJob {
  const config = loadConfig(
    Object.fromEntries(jobs.map((job) => [jobFunctionVariable(job), z.string().check(z.minLength(1))])),
  );
  const lambda = lambdaClient(config as z.infer<typeof BaseConfigSchema>);
  return async <J extends JobName>(job: J, payload: JobPayloads[J]) => {
    const functionName = (config as Record<string, unknown>)[jobFunctionVariable(job)];
    if (typeof functionName !== 'string') throw new Error(`Job ${job} is not declared by this function`);
    await invokeAsync(lambda, functionName, payload);
  };
}

/**
 * A StartJob for a worker that starts only itself again: its own name comes from its invocation context
 * (its own name in its environment would make the function depend on itself in CloudFormation).
 */
export function selfStarter(job: JobName, invokedFunctionArn: string): StartJob {
  const lambda = lambdaClient(loadConfig({}));
  return async (requested, payload) => {
    if (requested !== job) throw new Error(`This worker may only start ${job} again, not ${requested}`);
    await invokeAsync(lambda, invokedFunctionArn, payload);
  };
}
