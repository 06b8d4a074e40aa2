/**
 * Under a controllable clock every Wait state (top level and inside Map/Parallel) runs as a Task state whose
 * local handler sleeps on the clock: its Parameters let the runner evaluate SecondsPath/TimestampPath
 * (`$$` included) and hand the handler the effective input, which it returns, so the Wait passes it through.
 */

/** The Resource of a Wait turned Task; never invoked remotely, since the runner binds a local handler to it. */
export const CLOCKED_WAIT_RESOURCE = 'arn:aws:states:::local:clocked-wait';

// The runner enforces a Task's TimeoutSeconds with one setTimeout, which fires at once beyond 2^31-1 ms:
// this is the longest Wait a real clock can sleep without a States.Timeout (about 24.8 days).
const LONGEST_TASK_TIMEOUT_SECONDS = 2_147_483;

/** What the stand-in Task's handler receives: the effective input and exactly one of seconds / timestamp. */
export interface ClockedWaitRequest {
  readonly input: unknown;
  readonly seconds?: unknown;
  readonly timestamp?: unknown;
}

type State = Record<string, unknown>;
type States = Record<string, State>;

function waitAsTask(wait: State): State {
  const { Type: _type, Seconds, SecondsPath, Timestamp, TimestampPath, ...rest } = wait;
  const parameters: State = { 'input.$': '$' };
  if (Seconds !== undefined) parameters.seconds = Seconds;
  else if (SecondsPath !== undefined) parameters['seconds.$'] = SecondsPath;
  else if (Timestamp !== undefined) parameters.timestamp = Timestamp;
  else if (TimestampPath !== undefined) parameters['timestamp.$'] = TimestampPath;
  // InputPath, OutputPath, Next, End and Comment stay as they are.
  return {
    ...rest,
    Type: 'Task',
    Resource: CLOCKED_WAIT_RESOURCE,
    Parameters: parameters,
    TimeoutSeconds: LONGEST_TASK_TIMEOUT_SECONDS,
  };
}

function replaceIn(states: States): States {
  return Object.fromEntries(
    Object.entries(states).map(([name, state]) => {
      if (state.Type === 'Wait') return [name, waitAsTask(state)];
      const copy: State = { ...state };
      for (const key of ['ItemProcessor', 'Iterator'] as const) {
        const nested = state[key] as { States?: States } | undefined;
        if (nested?.States) copy[key] = { ...nested, States: replaceIn(nested.States) };
      }
      const branches = state.Branches as Array<{ States?: States }> | undefined;
      if (branches) copy.Branches = branches.map((branch) => ({ ...branch, States: replaceIn(branch.States ?? {}) }));
      return [name, copy];
    }),
  );
}

/** A copy of the definition whose Wait states are clocked Task states; the original is left untouched. */
export function withClockedWaits(definition: Record<string, unknown>): Record<string, unknown> {
  return { ...definition, States: replaceIn((definition.States ?? {}) as States) };
}

/** An error that fails the execution the way Step Functions fails a Wait it cannot evaluate. */
function runtimeError(message: string): Error {
  const error = new Error(message);
  error.name = 'States.Runtime';
  return error;
}

// RFC 3339 as Step Functions accepts it: date, `T`, time, optional fraction, `Z` or an offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The instant a Wait sleeps until: `seconds` after `now`, or its timestamp (in the past means at once). */
export function clockedWaitTarget(request: Omit<ClockedWaitRequest, 'input'>, now: Date): Date {
  if (request.seconds !== undefined) {
    const seconds = request.seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw runtimeError(`Wait seconds must be a non-negative integer, got ${JSON.stringify(seconds)}`);
    }
    return new Date(now.getTime() + seconds * 1000);
  }
  if (request.timestamp !== undefined) {
    const timestamp = request.timestamp;
    const instant = typeof timestamp === 'string' && RFC3339.test(timestamp) ? new Date(timestamp) : undefined;
    if (!instant || Number.isNaN(instant.getTime())) {
      throw runtimeError(`Wait timestamp must be an RFC 3339 timestamp, got ${JSON.stringify(timestamp)}`);
    }
    return instant;
  }
  throw runtimeError('Wait state without Seconds, SecondsPath, Timestamp or TimestampPath');
}
