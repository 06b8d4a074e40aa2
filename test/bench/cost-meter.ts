/**
 * The cost benchmark's counters, installed in the local target's process (target-process.ts `--meter`): what
 * each Lambda handler did, counted where AWS would bill it. Every AWS SDK call a handler makes (through the
 * client factory's local-client hook) with DynamoDB's ReturnConsumedCapacity turned on; every handler
 * invocation with its duration (each handler module is wrapped as it is imported); every state machine event;
 * every request the gateway answers; every byte the handlers log. Bench-only: nothing here runs in AWS.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { LOCAL_FUNCTIONS } from '../../infra/local/local-functions.ts';
import { type LocalClientObserver, observeLocalClients } from '../../shared/aws/clients.ts';

/** One AWS API operation as one caller (a handler module, or `target` for the local target's own calls) used it. */
export interface AwsCallTally {
  readonly service: string;
  readonly operation: string;
  readonly caller: string;
  requests: number;
  errors: number;
  /** DynamoDB: read / write request units from ConsumedCapacity (table and indexes). */
  readUnits: number;
  writeUnits: number;
  /** Items a failed DynamoDB write named (each billed at least one write unit); SES: message bytes. */
  failedWriteItems: number;
  bytes: number;
  /** SES: recipients (SES bills each). */
  recipients: number;
}

/** A call tally with nothing counted yet. */
export function emptyCallTally(service: string, operation: string, caller: string): AwsCallTally {
  return {
    service,
    operation,
    caller,
    requests: 0,
    errors: 0,
    readUnits: 0,
    writeUnits: 0,
    failedWriteItems: 0,
    bytes: 0,
    recipients: 0,
  };
}

export interface InvocationTally {
  /** The handler module, repository-relative: what the tables key memory sizes by. */
  readonly entry: string;
  invocations: number;
  /** First invocations of the module in this process (a Lambda cold start each). */
  coldStarts: number;
  /** Σ of each invocation's duration rounded up to the millisecond, as Lambda bills it. */
  billedMs: number;
  /** Bytes the handler wrote to stdout/stderr (Powertools logs and EMF metrics: CloudWatch Logs ingestion). */
  logBytes: number;
}

export interface MeterSnapshot {
  readonly calls: readonly AwsCallTally[];
  readonly invocations: readonly InvocationTally[];
  /** Requests the gateway answered, by operationId (the local sign-in endpoint, Cognito in AWS, left out). */
  readonly httpRequests: Readonly<Record<string, number>>;
  /** Step Functions: state transitions (states entered, retries) and history events (logged at level ALL). */
  readonly stateTransitions: number;
  readonly executionEvents: number;
  readonly executions: number;
}

const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** Which handler module the current async work belongs to. */
const caller = new AsyncLocalStorage<string>();
const calls = new Map<string, AwsCallTally>();
const invocations = new Map<string, InvocationTally>();
const httpRequests: Record<string, number> = {};
let stateTransitions = 0;
let executionEvents = 0;
let executions = 0;

function tallyOf(service: string, operation: string): AwsCallTally {
  const who = caller.getStore() ?? 'target';
  const key = `${service} ${operation} ${who}`;
  let tally = calls.get(key);
  if (!tally) {
    tally = emptyCallTally(service, operation, who);
    calls.set(key, tally);
  }
  return tally;
}

function invocationOf(entry: string): InvocationTally {
  let tally = invocations.get(entry);
  if (!tally) {
    tally = { entry, invocations: 0, coldStarts: 0, billedMs: 0, logBytes: 0 };
    invocations.set(entry, tally);
  }
  return tally;
}

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

/** DynamoDB Local reports CapacityUnits (table + indexes, transactions doubled) without the read/write split. */
function countCapacity(tally: AwsCallTally, consumed: Capacity | readonly Capacity[] | undefined): void {
  for (const entry of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    const units = (entry as Capacity).CapacityUnits ?? 0;
    if ((entry as Capacity).ReadCapacityUnits !== undefined || (entry as Capacity).WriteCapacityUnits !== undefined) {
      tally.readUnits += (entry as Capacity).ReadCapacityUnits ?? 0;
      tally.writeUnits += (entry as Capacity).WriteCapacityUnits ?? 0;
    } else if (READ_OPERATIONS.has(tally.operation)) tally.readUnits += units;
    else tally.writeUnits += units;
  }
}

/** The items a write request names: what a refused one is billed for (one write unit each, at least). */
function writeItemsOf(operation: string, input: Record<string, unknown>): number {
  if (operation === 'TransactWriteItems') return 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 1);
  if (operation === 'BatchWriteItem') {
    return Object.values((input.RequestItems as Record<string, unknown[]> | undefined) ?? {}).reduce(
      (sum, requests) => sum + requests.length,
      0,
    );
  }
  return 1;
}

function bodyBytes(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

const observer: LocalClientObserver = (service, client) => {
  type Stack = { add(middleware: unknown, options: { step: 'initialize'; name: string }): void };
  (client.middlewareStack as unknown as Stack).add(
    (
      next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
      context: {
        commandName?: string;
      },
    ) =>
      async (args: { input: Record<string, unknown> }) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const tally = tallyOf(service, operation);
        tally.requests += 1;
        const capacity = service === 'dynamodb' && (READ_OPERATIONS.has(operation) || WRITE_OPERATIONS.has(operation));
        if (capacity) args.input.ReturnConsumedCapacity ??= 'INDEXES';
        if (service === 's3') tally.bytes += bodyBytes(args.input.Body);
        if (service === 'ses') {
          const destination = args.input.Destination as Record<string, unknown[] | undefined> | undefined;
          tally.recipients += destination
            ? (destination.ToAddresses?.length ?? 0) +
              (destination.CcAddresses?.length ?? 0) +
              (destination.BccAddresses?.length ?? 0)
            : 1;
          const raw = (args.input.Content as { Raw?: { Data?: unknown } } | undefined)?.Raw?.Data;
          tally.bytes += bodyBytes(raw);
        }
        try {
          const result = await next(args);
          if (capacity) countCapacity(tally, result.output.ConsumedCapacity as Capacity | Capacity[] | undefined);
          return result;
        } catch (error) {
          tally.errors += 1;
          if (capacity && WRITE_OPERATIONS.has(operation))
            tally.failedWriteItems += writeItemsOf(operation, args.input);
          throw error;
        }
      },
    { step: 'initialize', name: 'costMeter' },
  );
};

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** Wraps a handler module's `handler`: its invocations, their billed time, and the caller of its AWS calls. */
export function meteredHandler(entry: string, handler: Handler): Handler {
  const tally = invocationOf(entry);
  let warm = false;
  return async (event, context) => {
    if (!warm) tally.coldStarts += 1;
    warm = true;
    tally.invocations += 1;
    const started = performance.now();
    try {
      return await caller.run(entry, () => handler(event, context));
    } finally {
      tally.billedMs += Math.ceil(performance.now() - started);
    }
  };
}

const METERED = '?cost-meter';

/**
 * The local target imports each handler module by its file URL; the hooks hand it a small module instead that
 * re-exports the real one with its `handler` wrapped by meteredHandler.
 */
function wrapHandlerModules(repoRoot: string): void {
  const entries = new Map(LOCAL_FUNCTIONS.map(({ entry }) => [pathToFileURL(join(repoRoot, entry)).href, entry]));
  const self = import.meta.url;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      const entry = entries.get(resolved.url);
      if (!entry || context.parentURL === `${resolved.url}${METERED}`) return resolved;
      return { ...resolved, url: `${resolved.url}${METERED}`, shortCircuit: true };
    },
    load(url, context, nextLoad) {
      if (!url.endsWith(METERED)) return nextLoad(url, context);
      const real = url.slice(0, -METERED.length);
      const entry = entries.get(real) ?? real;
      const source = [
        `import * as real from ${JSON.stringify(real)};`,
        `import { meteredHandler } from ${JSON.stringify(self)};`,
        `export * from ${JSON.stringify(real)};`,
        `export const handler = meteredHandler(${JSON.stringify(entry)}, real.handler);`,
      ].join('\n');
      return { format: 'module', source, shortCircuit: true };
    },
  });
}

/** Counts each execution's state transitions from the runner's event log, as Step Functions bills Standard ones. */
function countStateTransitions(): void {
  const run = StateMachine.prototype.run;
  StateMachine.prototype.run = function meteredRun(this: StateMachine, ...args: Parameters<StateMachine['run']>) {
    const execution = run.apply(this, args);
    const events = execution.eventLogs;
    executions += 1;
    execution.eventLogs = (async function* () {
      for await (const event of events) {
        executionEvents += 1;
        if (event.type === 'StateEntered' || event.type === 'StateRetried') stateTransitions += 1;
        yield event;
      }
    })();
    return execution;
  };
}

/** Counts what handlers write to stdout and stderr; stdout's lines are dropped (the target's stdout is its protocol). */
function countLogBytes(): (line: string) => void {
  const write = process.stdout.write.bind(process.stdout);
  const writeError = process.stderr.write.bind(process.stderr);
  const count = (chunk: unknown) => {
    const entry = caller.getStore();
    if (entry) invocationOf(entry).logBytes += bodyBytes(chunk);
    return entry !== undefined;
  };
  process.stdout.write = ((chunk: unknown, ...rest: never[]) => {
    count(chunk);
    const last = rest.at(-1) as unknown;
    if (typeof last === 'function') (last as () => void)();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: never[]) => {
    // A handler's errors stay quiet as on stdout; the target's own stay visible.
    if (count(chunk)) return true;
    return writeError(chunk as string, ...rest);
  }) as typeof process.stderr.write;
  return (line) => void write(`${line}\n`);
}

/** Installs the counters; returns how the target process writes its protocol lines from now on. */
export function installCostMeter(repoRoot: string): { println(line: string): void } {
  observeLocalClients(observer);
  wrapHandlerModules(repoRoot);
  countStateTransitions();
  return { println: countLogBytes() };
}

/** For the gateway's onRequest: one HTTP API request each (the local sign-in endpoint stands for Cognito). */
export function countHttpRequest(operationId: string): void {
  if (operationId === 'localToken') return;
  httpRequests[operationId] = (httpRequests[operationId] ?? 0) + 1;
}

export function meterSnapshot(): MeterSnapshot {
  return {
    calls: [...calls.values()].map((tally) => ({ ...tally })),
    invocations: [...invocations.values()].map((tally) => ({ ...tally })),
    httpRequests: { ...httpRequests },
    stateTransitions,
    executionEvents,
    executions,
  };
}
