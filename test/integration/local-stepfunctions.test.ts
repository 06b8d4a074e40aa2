/**
 * The local Step Functions endpoint through the real SDK client: a CDK-defined toy machine (Lambda task bound to
 * a fixture module, a Wait on a virtual clock) started, described until it ends, stopped between two steps,
 * listed, and the service's errors as the SDK sees them.
 */
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ListExecutionsCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { JsonPath, TaskInput, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitUntil } from '../../infra/local/ports.ts';
import { type LocalStepFunctionsService, startStepFunctions } from '../../infra/local/services/stepfunctions.ts';
import { VirtualClock } from '../../infra/local/stepfunctions/clocks.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { type DefinitionBuilder, renderAsl } from '../../infra/workflows/render-asl.ts';
import { localStateMachineArn } from '../../infra/workflows/workflow-table.ts';
import { createSfnClient } from '../../shared/aws/clients.ts';
import { localTarget } from '../support/local-target.ts';

const build: DefinitionBuilder<'greet'> = (scope, functions) =>
  new LambdaInvoke(scope, 'Greet', {
    lambdaFunction: functions.greet,
    payloadResponseOnly: true,
    payload: TaskInput.fromObject({
      person: JsonPath.stringAt('$.person'),
      executionId: JsonPath.stringAt('$$.Execution.Id'),
    }),
    resultPath: '$.greeted',
  }).next(new Wait(scope, 'Pause', { time: WaitTime.secondsPath('$.pauseSeconds') }));

const machineArn = localStateMachineArn('greeter');
const clock = new VirtualClock('2026-04-01T08:00:00Z');
let service: LocalStepFunctionsService;
let sfn: SFNClient;
const failures: string[] = [];

beforeAll(async () => {
  const rendered = renderAsl(['greet'], build);
  service = await startStepFunctions({
    port: await freePort(),
    repoRoot: REPO_ROOT,
    machines: {
      [machineArn]: {
        definition: rendered.definition,
        functions: { [rendered.functionArns.greet]: 'test/fixtures/lambdas/greet.ts' },
      },
    },
    clock,
    onExecutionError: (arn) => failures.push(arn),
  });
  sfn = createSfnClient({ region: 'eu-west-1', endpoints: { sfn: service.endpoint } });
});

afterAll(async () => {
  sfn?.destroy();
  await service?.stop();
});

async function start(input: Record<string, unknown>, name?: string): Promise<string> {
  const answer = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: machineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }),
  );
  expect(answer.startDate).toBeInstanceOf(Date);
  return answer.executionArn ?? '';
}

async function until(executionArn: string, status: string): Promise<DescribeExecutionCommandOutput> {
  let last: DescribeExecutionCommandOutput | undefined;
  await waitUntil(
    `${executionArn} ${status}`,
    async () => {
      last = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return last.status === status;
    },
    10_000,
  );
  return last as DescribeExecutionCommandOutput;
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe('local Step Functions endpoint', () => {
  it('runs an execution to SUCCEEDED, with $$.Execution.Id and the clock`s dates', async () => {
    const name = unique('ada');
    const executionArn = await start({ person: 'Ada', pauseSeconds: 0 }, name);
    expect(executionArn).toBe(`arn:aws:states:eu-west-1:000000000000:execution:greeter:${name}`);
    const described = await until(executionArn, 'SUCCEEDED');
    expect(JSON.parse(described.output ?? '')).toEqual({
      person: 'Ada',
      pauseSeconds: 0,
      greeted: { greeting: 'Hello Ada', executionId: executionArn },
    });
    expect(described).toMatchObject({
      stateMachineArn: machineArn,
      name,
      input: JSON.stringify({ person: 'Ada', pauseSeconds: 0 }),
    });
    expect(described.startDate?.toISOString()).toBe(clock.now().toISOString());
    expect(described.stopDate).toBeInstanceOf(Date);
  });

  it('names an execution with a UUID by default, and reports a failing task as FAILED with error and cause', async () => {
    const executionArn = await start({ person: 'nobody', pauseSeconds: 0 });
    expect(executionArn).toMatch(/:execution:greeter:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const described = await until(executionArn, 'FAILED');
    expect(described).toMatchObject({ error: 'UnknownPerson', cause: 'nobody is not a person' });
    expect(described.output).toBeUndefined();
    expect(failures).toContain(executionArn);
  });

  it('is idempotent for the same name and input while running, like AWS, and refuses any other reuse', async () => {
    const name = unique('grace');
    const input = { person: 'Grace', pauseSeconds: 3_600 };
    const first = await start(input, name);
    expect(await start(input, name)).toBe(first);
    await expect(start({ ...input, person: 'Other' }, name)).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });

    await clock.quiet();
    await clock.advanceBy(3_600_000);
    await until(first, 'SUCCEEDED');
    await expect(start(input, name)).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('stops an execution between two steps: ABORTED, its wait given up, listed by status', async () => {
    const executionArn = await start({ person: 'Linus', pauseSeconds: 86_400 }, unique('linus'));
    await clock.quiet();
    expect(clock.sleepers()).toEqual([{ until: new Date(clock.now().getTime() + 86_400_000), label: 'Pause' }]);
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: 'RUNNING' }));
    expect(running.executions?.map((execution) => execution.executionArn)).toEqual([executionArn]);

    const stopped = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Killed', cause: 'by the test' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Killed', cause: 'by the test' });
    await service.idle();
    expect(clock.sleepers()).toEqual([]);

    const aborted = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: 'ABORTED' }));
    expect(aborted.executions?.map((execution) => execution.executionArn)).toEqual([executionArn]);
    const all = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn }));
    expect(all.executions?.[0]?.executionArn).toBe(executionArn);
    expect(all.executions?.length).toBeGreaterThanOrEqual(4);
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1 }));
    expect(page.executions).toHaveLength(1);
    const rest = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1000, nextToken: page.nextToken }),
    );
    expect(rest.executions?.length).toBe((all.executions?.length ?? 0) - 1);
  });

  it('answers the errors the SDK knows', async () => {
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: localStateMachineArn('nothing'), input: '{}' })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist', $metadata: { httpStatusCode: 400 } });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'two words', input: '{}' })),
    ).rejects.toMatchObject({ name: 'InvalidName' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: '{not json' })),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
    await expect(
      sfn.send(
        new DescribeExecutionCommand({ executionArn: `${machineArn.replace('stateMachine', 'execution')}:none` }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist', message: expect.stringMatching(/Does Not Exist/) });
  });
});

describe('the local target', () => {
  it('serves Step Functions on endpoints.sfn', async () => {
    const client = createSfnClient({ region: 'eu-west-1', endpoints: localTarget().endpoints });
    await expect(
      client.send(new ListExecutionsCommand({ stateMachineArn: localStateMachineArn('not-deployed') })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    client.destroy();
  });
});
