/**
 * Runs a rendered state machine with aws-local-stepfunctions: every Lambda task is bound to the local handler
 * of its function (the module that runs in AWS, or an in-process function), and Wait states follow a clock the
 * caller controls (instant for tests, real or capped for demos, virtual for tests that move time by hand).
 */
import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { importHandler } from '../function-grants.ts';
import { lambdaContext } from '../gateway/api-event.ts';
import {
  CLOCKED_WAIT_RESOURCE,
  type ClockedWaitRequest,
  clockedWaitTarget,
  withClockedWaits,
} from './clocked-waits.ts';
import type { ClockedExecution, ControllableClock } from './clocks.ts';

// The package does not export these two types; derive them from its API.
type JSONValue = Parameters<StateMachine['run']>[0];
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** A task's handler run in this process: a Lambda handler, or a function built around local services. */
export type TaskFunction = (event: unknown, context: Context) => Promise<unknown>;

/** What a Lambda task is bound to: its handler module (repository-relative, exporting `handler`) or a function. */
export type TaskBinding = string | TaskFunction;

/** How long (ms) a Wait state really waits locally, given its ASL definition. */
export type WaitClock = (stateName: string, state: Record<string, unknown>) => number;

/**
 * Either kind of clock: a WaitClock keeps the Wait states and maps each to a fixed real delay; a
 * ControllableClock turns them into tasks that compute their instant and sleep on the clock (clocked-waits.ts).
 */
export type RunnerClock = WaitClock | ControllableClock;

export const instantClock: WaitClock = () => 0;

export interface LocalRunOptions {
  /** Function ARN -> its binding. */
  readonly functions: Readonly<Record<string, TaskBinding>>;
  readonly repoRoot: string;
  readonly clock?: RunnerClock;
  /** Retry intervals in ms instead of the definition's seconds (default: 0, retries happen at once). */
  readonly retryIntervalMs?: number;
  /**
   * The context object ($$): e.g. Execution.Id/Name and StateMachine.Id/Name. aws-local-stepfunctions always
   * sets Execution.Input and Execution.StartTime itself (StartTime from the real clock).
   */
  readonly context?: Record<string, unknown>;
  /** A name for the execution in a virtual clock's error messages. */
  readonly name?: string;
}

export interface LocalExecution {
  /** Settles when the execution ends; rejects with ExecutionAbortedError once aborted. */
  readonly result: Promise<JSONValue>;
  readonly events: Promise<EventLog[]>;
  /**
   * Resolves once the execution has ended and none of its task handlers is still running: an abort settles
   * `result` at once, but a handler already running finishes its work (the runner cannot stop it).
   */
  readonly finished: Promise<void>;
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

function isControllable(clock: RunnerClock): clock is ControllableClock {
  return typeof clock !== 'function';
}

// Building a StateMachine validates the definition (asl-validator), about half a second each time: keep one per
// definition object and kind of clock. An instance runs any number of independent executions.
const prepared = new WeakMap<object, { plain?: Prepared; clocked?: Prepared }>();

interface Prepared {
  /** The definition run: the original, or its copy with clocked waits. */
  readonly source: Record<string, unknown>;
  readonly machine: StateMachine;
}

function prepare(definition: Record<string, unknown>, clocked: boolean): Prepared {
  const cached = prepared.get(definition) ?? {};
  prepared.set(definition, cached);
  const kind = clocked ? 'clocked' : 'plain';
  const existing = cached[kind];
  if (existing) return existing;
  const source = clocked ? withClockedWaits(definition) : definition;
  const machine = new StateMachine(source as never, { validationOptions: { checkArn: false } });
  cached[kind] = { source, machine };
  return cached[kind];
}

/** The runner's side of a ClockedExecution: counters it updates as the execution moves. */
type Activity = { -readonly [Key in keyof ClockedExecution]: ClockedExecution[Key] };

async function resolveBinding(binding: TaskBinding, repoRoot: string): Promise<TaskFunction> {
  if (typeof binding === 'function') return binding;
  return importHandler<TaskFunction>(repoRoot, binding);
}

export async function startLocalExecution(
  definition: Record<string, unknown>,
  input: JSONValue,
  options: LocalRunOptions,
): Promise<LocalExecution> {
  const clock = options.clock ?? instantClock;
  const controllable = isControllable(clock) ? clock : undefined;
  const { source, machine } = prepare(definition, controllable !== undefined);
  // What a virtual clock reads to tell whether this execution has gone quiet. Tracked before the first await,
  // so a clock advanced right after the start waits for it; loading the handlers counts as busy.
  const activity: Activity = { name: options.name ?? 'execution', finished: false, busy: 1, sleeping: 0, progress: 0 };
  controllable?.track?.(activity);
  try {
    return await bindAndRun(source, machine, input, options, clock, activity);
  } catch (error) {
    activity.finished = true;
    throw error;
  }
}

/** Loads the task handlers, binds them (and the clocked waits), and starts the execution. */
async function bindAndRun(
  source: Record<string, unknown>,
  machine: StateMachine,
  input: JSONValue,
  options: LocalRunOptions,
  clock: RunnerClock,
  activity: Activity,
): Promise<LocalExecution> {
  const controllable = isControllable(clock) ? clock : undefined;
  const inFlight = new Set<Promise<unknown>>();
  // Aborts the sleeps of clocked waits: the runner neither passes its abort signal to task handlers nor tells
  // the sibling iterations of a failed Map, so this fires on abort and whenever the execution ends.
  const sleeps = new AbortController();

  const handlers: Record<string, (input: JSONValue) => Promise<JSONValue>> = {};
  const waits: Record<string, number> = {};
  const retries: Record<string, number> = {};
  for (const [name, state] of Object.entries(allStates(source))) {
    if (state.Type === 'Wait' && !controllable) waits[name] = (clock as WaitClock)(name, state);
    if (state.Retry) retries[name] = options.retryIntervalMs ?? 0;
    if (controllable && state.Resource === CLOCKED_WAIT_RESOURCE) {
      handlers[name] = async (request) => {
        const { input: passed, ...when } = request as unknown as ClockedWaitRequest;
        const until = clockedWaitTarget(when, controllable.now());
        activity.sleeping++;
        activity.progress++;
        try {
          await controllable.sleepUntil(until, sleeps.signal, name);
        } finally {
          activity.sleeping--;
          activity.progress++;
        }
        return passed as JSONValue;
      };
      continue;
    }
    const arn = invokedFunction(state);
    if (!arn) continue;
    const binding = options.functions[arn];
    if (!binding) throw new Error(`State "${name}" invokes ${arn}, which is bound to no local handler`);
    const handler = await resolveBinding(binding, options.repoRoot);
    const payloadOnly = state.Resource === arn;
    // The handler gets the time the state allows it (Step Functions' default is 60 s), as a Lambda would.
    const timeoutMs = (typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : 60) * 1000;
    handlers[name] = async (taskInput) => {
      const event = payloadOnly ? taskInput : (taskInput as { Payload?: unknown }).Payload;
      activity.busy++;
      activity.progress++;
      // Through a promise, so that a handler throwing synchronously is still counted out of `busy`.
      const running = Promise.resolve().then(() => handler(event, lambdaContext(name, crypto.randomUUID(), timeoutMs)));
      inFlight.add(running);
      try {
        const output = (await running) as JSONValue;
        // lambda:invoke without payloadResponseOnly wraps the answer the way the real integration does.
        return payloadOnly ? output : ({ Payload: output, StatusCode: 200 } as JSONValue);
      } finally {
        inFlight.delete(running);
        activity.busy--;
        activity.progress++;
      }
    };
  }
  const execution = machine.run(input, {
    overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
    ...(options.context ? { context: options.context as never } : {}),
  });
  activity.busy--;
  const events = (async () => {
    const log: EventLog[] = [];
    for await (const event of execution.eventLogs) {
      log.push(event);
      activity.progress++;
    }
    return log;
  })();
  const ended = () => {
    activity.finished = true;
    sleeps.abort(new Error('execution ended'));
  };
  const finished = execution.result.then(ended, ended).then(async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  });
  return {
    result: execution.result,
    events,
    finished,
    abort: () => {
      execution.abort();
      ended();
    },
  };
}
