/**
 * Runs a rendered state machine with aws-local-stepfunctions: every Lambda task is bound to the local
 * handler module of its function (the same code that runs in AWS), and Wait states follow a clock the
 * caller controls (instant for tests, scaled for demos), so a 10-day timer takes milliseconds.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { lambdaContext } from '../gateway/api-event.ts';

// The package does not export these two types; derive them from its API.
type JSONValue = Parameters<StateMachine['run']>[0];
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

type TaskHandler = (event: unknown, context: Context) => Promise<unknown>;

/** How long (ms) a Wait state really waits locally, given its ASL definition. */
export type WaitClock = (stateName: string, state: Record<string, unknown>) => number;

export const instantClock: WaitClock = () => 0;

export interface LocalRunOptions {
  /** Function ARN -> handler module (repository-relative path) exporting `handler`. */
  readonly functions: Readonly<Record<string, string>>;
  readonly repoRoot: string;
  readonly clock?: WaitClock;
  /** Retry intervals in ms instead of the definition's seconds (default: 0, retries happen at once). */
  readonly retryIntervalMs?: number;
}

export interface LocalExecution {
  readonly result: Promise<JSONValue>;
  readonly events: Promise<EventLog[]>;
  abort(): void;
}

type States = Record<string, Record<string, unknown>>;

/** Every state of the definition, including those inside Map iterators and Parallel branches. */
function allStates(definition: Record<string, unknown>): States {
  const found: States = {};
  const visit = (states: States | undefined) => {
    for (const [name, state] of Object.entries(states ?? {})) {
      found[name] = state;
      const nested = (state.ItemProcessor ?? state.Iterator) as { States?: States } | undefined;
      visit(nested?.States);
      for (const branch of (state.Branches as Array<{ States?: States }> | undefined) ?? []) visit(branch.States);
    }
  };
  visit(definition.States as States);
  return found;
}

/** The Lambda ARN a Task state invokes: the Resource itself (payloadResponseOnly) or lambda:invoke's FunctionName. */
function invokedFunction(state: Record<string, unknown>): string | undefined {
  if (state.Type !== 'Task' || typeof state.Resource !== 'string') return undefined;
  if (state.Resource.startsWith('arn:aws:lambda:')) return state.Resource;
  const parameters = state.Parameters as Record<string, unknown> | undefined;
  if (state.Resource.startsWith('arn:aws:states:::lambda:invoke') && typeof parameters?.FunctionName === 'string') {
    return parameters.FunctionName;
  }
  return undefined;
}

export async function startLocalExecution(
  definition: Record<string, unknown>,
  input: JSONValue,
  options: LocalRunOptions,
): Promise<LocalExecution> {
  const clock = options.clock ?? instantClock;
  const handlers: Record<string, (input: JSONValue) => Promise<JSONValue>> = {};
  const waits: Record<string, number> = {};
  const retries: Record<string, number> = {};
  for (const [name, state] of Object.entries(allStates(definition))) {
    if (state.Type === 'Wait') waits[name] = clock(name, state);
    if (state.Retry) retries[name] = options.retryIntervalMs ?? 0;
    const arn = invokedFunction(state);
    if (!arn) continue;
    const entry = options.functions[arn];
    if (!entry) throw new Error(`State "${name}" invokes ${arn}, which is bound to no local handler`);
    const module = (await import(pathToFileURL(join(options.repoRoot, entry)).href)) as { handler?: TaskHandler };
    const handler = module.handler;
    if (typeof handler !== 'function') throw new Error(`${entry} does not export a handler`);
    const payloadOnly = state.Resource === arn;
    handlers[name] = async (taskInput) => {
      const event = payloadOnly ? taskInput : (taskInput as { Payload?: unknown }).Payload;
      const output = (await handler(event, lambdaContext(name, crypto.randomUUID()))) as JSONValue;
      // lambda:invoke without payloadResponseOnly wraps the answer the way the real integration does.
      return payloadOnly ? output : ({ Payload: output, StatusCode: 200 } as JSONValue);
    };
  }
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
  const execution = machine.run(input, {
    overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
  });
  const events = (async () => {
    const log: EventLog[] = [];
    for await (const event of execution.eventLogs) log.push(event);
    return log;
  })();
  return { result: execution.result, events, abort: execution.abort };
}
