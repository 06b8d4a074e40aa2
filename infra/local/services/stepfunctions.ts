/**
 * A local Step Functions endpoint (AWS JSON 1.0, as the SDK's SFNClient speaks it): StartExecution,
 * DescribeExecution, StopExecution and ListExecutions of the state machines it is given, each execution run
 * in this process by the local runner (infra/local/stepfunctions/local-runner.ts) on the clock it is given.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import {
  type LocalExecution,
  type RunnerClock,
  startLocalExecution,
  type TaskBinding,
} from '../stepfunctions/local-runner.ts';
import type { RunningService } from './service.ts';

export interface LocalStateMachine {
  /** The ASL document, as renderAsl produces it. */
  readonly definition: Record<string, unknown>;
  /** Function ARN -> handler module (repository-relative) or in-process function. */
  readonly functions: Readonly<Record<string, TaskBinding>>;
}

export interface StepFunctionsOptions {
  readonly port: number;
  readonly repoRoot: string;
  /** State machine ARN -> its definition and bindings. */
  readonly machines: Readonly<Record<string, LocalStateMachine>>;
  /** The clock of every execution's Wait states; instant when absent. */
  readonly clock?: RunnerClock;
  /** Called when an execution fails or times out (not when it is stopped). */
  readonly onExecutionError?: (executionArn: string, error: unknown) => void;
}

export interface LocalStepFunctionsService extends RunningService {
  /**
   * Resolves once no execution is RUNNING and none of their task handlers is still at work. An execution
   * sleeping in a Wait is running: under a real clock idle() waits for the Wait to end, under a virtual
   * clock until the test advances the clock past it (VirtualClock.quiet() is the "nothing moves" signal).
   */
  idle(): Promise<void>;
}

type Status = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: Status;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  /** The local run, once its handlers are loaded. */
  readonly local: Promise<LocalExecution | undefined>;
  /** Resolves when the run is over and no handler of it is at work. */
  readonly done: Promise<void>;
}

/** An AWS error answer: the SDK maps `__type` to the exception class of the same name. */
class ServiceError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

// Step Functions' rule for execution names: 1-80 characters, none of these (\p{Cc}: U+0000-001F, U+007F-009F).
const INVALID_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]/u;
const STATE_MACHINE_ARN = /^arn:aws:states:([^:]+):(\d{12}):stateMachine:([^:]+)$/;

/** `...:stateMachine:Name` + `run-1` -> `...:execution:Name:run-1`. */
function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** AWS JSON 1.0 timestamps are epoch seconds. */
const epochSeconds = (date: Date) => date.getTime() / 1000;

/** The error and cause Step Functions reports for a failed run. */
function failureOf(error: unknown): { error: string; cause: string } {
  // The runner wraps the state's error in an ExecutionError whose `cause` is the error itself.
  const inner =
    error instanceof Error && error.name === 'ExecutionError' && error.cause instanceof Error ? error.cause : error;
  if (inner instanceof Error) return { error: inner.name, cause: inner.message };
  return { error: 'Error', cause: String(inner) };
}

function stringField(body: Record<string, unknown>, field: string, required: true): string;
function stringField(body: Record<string, unknown>, field: string, required?: false): string | undefined;
function stringField(body: Record<string, unknown>, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw new ServiceError('ValidationException', `${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new ServiceError('ValidationException', `${field} must be a string`);
  return value;
}

export async function startStepFunctions(options: StepFunctionsOptions): Promise<LocalStepFunctionsService> {
  const executions = new Map<string, ExecutionRecord>();
  const running = new Set<ExecutionRecord>();
  // Execution dates follow the executions' clock, so a virtual clock's runs carry simulated dates.
  const clock = options.clock;
  const now = () => (clock && typeof clock !== 'function' ? clock.now() : new Date());

  const machineOf = (arn: string) => {
    const machine = options.machines[arn];
    if (machine) return machine;
    if (!STATE_MACHINE_ARN.test(arn)) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  };

  const executionOf = (arn: string) => {
    const record = executions.get(arn);
    if (!record) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  };

  const launch = (
    stateMachineArn: string,
    machine: LocalStateMachine,
    name: string,
    input: string,
    parsed: unknown,
  ) => {
    const executionArn = executionArnOf(stateMachineArn, name);
    const startDate = now();
    const local = startLocalExecution(machine.definition, parsed as never, {
      functions: machine.functions,
      repoRoot: options.repoRoot,
      name: executionArn,
      ...(clock ? { clock } : {}),
      context: {
        Execution: { Id: executionArn, Name: name },
        StateMachine: { Id: stateMachineArn, Name: stateMachineArn.split(':').at(-1) },
      },
    });
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name,
      input,
      startDate,
      status: 'RUNNING',
      local: local.catch(() => undefined),
      done: local.then(
        async (execution) => {
          try {
            const output = await execution.result;
            if (record.status === 'RUNNING')
              Object.assign(record, { status: 'SUCCEEDED', output: JSON.stringify(output) });
          } catch (error) {
            if (record.status === 'RUNNING') {
              const timedOut = error instanceof Error && error.name === 'ExecutionTimeoutError';
              const failure = timedOut ? { error: 'States.Timeout', cause: error.message } : failureOf(error);
              Object.assign(record, { status: timedOut ? 'TIMED_OUT' : 'FAILED', ...failure });
              options.onExecutionError?.(executionArn, error);
            }
          }
          await execution.finished;
        },
        (error: unknown) => {
          // The definition could not be started (a task bound to no handler, an invalid definition).
          if (record.status === 'RUNNING') Object.assign(record, { status: 'FAILED', ...failureOf(error) });
          options.onExecutionError?.(executionArn, error);
        },
      ),
    };
    void record.done.finally(() => {
      record.stopDate ??= now();
      running.delete(record);
    });
    executions.set(executionArn, record);
    running.add(record);
    return record;
  };

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    StartExecution(body) {
      const stateMachineArn = stringField(body, 'stateMachineArn', true);
      const machine = machineOf(stateMachineArn);
      const name = stringField(body, 'name') ?? randomUUID();
      if (name.length < 1 || name.length > 80 || INVALID_NAME.test(name)) {
        throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
      }
      const input = stringField(body, 'input') ?? '{}';
      let parsed: unknown;
      try {
        parsed = JSON.parse(input);
      } catch {
        throw new ServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input}'`);
      }
      const existing = executions.get(executionArnOf(stateMachineArn, name));
      if (existing) {
        // As in AWS: the same name and input while the execution is open is the same start; otherwise a clash.
        if (existing.status === 'RUNNING' && existing.input === input) {
          return { executionArn: existing.executionArn, startDate: epochSeconds(existing.startDate) };
        }
        throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
      }
      const record = launch(stateMachineArn, machine, name, input, parsed);
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },

    DescribeExecution(body) {
      const record = executionOf(stringField(body, 'executionArn', true));
      return {
        executionArn: record.executionArn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: epochSeconds(record.startDate),
        ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
        input: record.input,
        inputDetails: { included: true },
        ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
        ...(record.error !== undefined ? { error: record.error } : {}),
        ...(record.cause !== undefined ? { cause: record.cause } : {}),
      };
    },

    StopExecution(body) {
      const record = executionOf(stringField(body, 'executionArn', true));
      if (record.status === 'RUNNING') {
        const error = stringField(body, 'error');
        const cause = stringField(body, 'cause');
        Object.assign(record, {
          status: 'ABORTED',
          stopDate: now(),
          ...(error !== undefined ? { error } : {}),
          ...(cause !== undefined ? { cause } : {}),
        });
        void record.local.then((execution) => execution?.abort());
      }
      return { stopDate: epochSeconds(record.stopDate ?? now()) };
    },

    ListExecutions(body) {
      const stateMachineArn = stringField(body, 'stateMachineArn', true);
      machineOf(stateMachineArn);
      const statusFilter = stringField(body, 'statusFilter');
      const maxResults =
        typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
      const offset = Number(Buffer.from(stringField(body, 'nextToken') ?? '', 'base64url').toString() || '0');
      // Most recent first, as AWS lists them.
      const matching = [...executions.values()]
        .filter(
          (record) => record.stateMachineArn === stateMachineArn && (!statusFilter || record.status === statusFilter),
        )
        .reverse();
      const page = matching.slice(offset, offset + maxResults);
      const next = offset + page.length;
      return {
        executions: page.map((record) => ({
          executionArn: record.executionArn,
          stateMachineArn: record.stateMachineArn,
          name: record.name,
          status: record.status,
          startDate: epochSeconds(record.startDate),
          ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
        })),
        ...(next < matching.length ? { nextToken: Buffer.from(String(next)).toString('base64url') } : {}),
      };
    },
  };

  const reply = (response: ServerResponse, status: number, body: unknown, type?: string) => {
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': randomUUID(),
      ...(type ? { 'x-amzn-errortype': type } : {}),
    });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const target = String(request.headers['x-amz-target'] ?? '');
        const operation = target.startsWith('AWSStepFunctions.') ? operations[target.slice(17)] : undefined;
        if (request.method !== 'POST' || !operation) {
          throw new ServiceError('UnknownOperationException', `Operation not emulated locally: '${target}'`);
        }
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          throw new ServiceError('SerializationException', 'The request body is not JSON');
        }
        if (typeof body !== 'object' || body === null)
          throw new ServiceError('SerializationException', 'Expected an object');
        reply(response, 200, operation(body as Record<string, unknown>));
      } catch (error) {
        if (error instanceof ServiceError)
          reply(response, 400, { __type: error.type, message: error.message }, error.type);
        else reply(response, 500, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running].map((record) => record.done));
  };
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    idle,
    async stop() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      for (const record of running) {
        if (record.status !== 'RUNNING') continue;
        Object.assign(record, {
          status: 'ABORTED',
          stopDate: now(),
          cause: 'The local Step Functions service stopped',
        });
        void record.local.then((execution) => execution?.abort());
      }
      // Handlers already at work finish before the services they use stop (as the Lambda endpoint does).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle(), new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
      clearTimeout(timer);
    },
  };
}
