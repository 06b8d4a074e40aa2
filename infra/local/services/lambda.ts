/**
 * A local Lambda Invoke endpoint for the background jobs: `Event` invocations answer 202 and run the handler
 * in this process; `RequestResponse` awaits it. Like the CDK jobs, a failed Event invocation is not retried:
 * it goes to the on-failure destination (here a list, `failedInvocations()`, in the record shape Lambda sends
 * to the SQS queue in AWS). With `sandboxes`, each invocation runs in a worker thread of its own, killed at
 * its timeout as Lambda kills it, or at once when a test says `crash(functionName)`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { importHandler } from '../function-grants.ts';
import { lambdaContext } from '../gateway/api-event.ts';
import type { SandboxAnswer, SandboxInput } from './lambda-sandbox.ts';
import type { RunningService } from './service.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalFunction {
  /** The handler module, relative to the repository root. */
  readonly entry: string;
  readonly timeoutSeconds: number;
}

export interface LambdaOptions {
  readonly port: number;
  readonly repoRoot: string;
  /** Function name -> its handler module. */
  readonly functions: Readonly<Record<string, LocalFunction>>;
  /** Called when a background (Event) invocation fails: Lambda would log it; the local target prints it. */
  readonly onAsyncError?: (functionName: string, error: unknown) => void;
  /**
   * Run each invocation in a worker thread of its own (a fresh cold start each time), which the endpoint
   * kills at the function's timeout, or when told to crash: what a worker that dies mid-run leaves behind
   * can then be tested. Off by default: in this process is faster.
   * @default false
   */
  readonly sandboxes?: boolean;
}

/** What Lambda sends to an async invocation's on-failure destination (the fields the platform relies on). */
export interface FailedInvocation {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'RetriesExhausted';
    readonly approximateInvokeCount: 1;
  };
  readonly requestPayload: unknown;
  readonly responseContext: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    readonly functionError: 'Unhandled';
  };
  readonly responsePayload: { readonly errorType: string; readonly errorMessage: string };
}

export interface LocalLambdaService extends RunningService {
  /** Resolves once no background invocation is running (tests and benchmarks wait for their jobs). */
  idle(): Promise<void>;
  /**
   * Kills every running invocation of the function at once, as a sandbox dies of a timeout or out of memory:
   * its handler stops where it is, without its catch blocks. Needs `sandboxes`. Returns how many it killed.
   */
  crash(functionName: string): number;
  /** The failed background invocations, oldest first: the local on-failure destination. */
  failedInvocations(): readonly FailedInvocation[];
}

/** A handler's invocation that ended in an error, a timeout or a crash. */
class InvocationError extends Error {
  constructor(errorType: string, message: string) {
    super(message);
    this.name = errorType;
  }
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** `arn:aws:lambda:eu-west-1:000000000000:function:name[:qualifier]` or `name` -> `name`. */
function functionNameOf(raw: string): string {
  const decoded = decodeURIComponent(raw);
  const match = /^arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(decoded);
  return match?.[1] ?? decoded.split(':')[0] ?? decoded;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers });
  response.end(text);
}

export async function startLambda(options: LambdaOptions): Promise<LocalLambdaService> {
  const modules = new Map<string, Promise<Handler>>();
  const running = new Set<Promise<unknown>>();
  /** The sandboxes alive, by function name: what crash() kills. */
  const sandboxes = new Map<string, Set<(reason: string) => void>>();
  const failures: FailedInvocation[] = [];

  const load = (entry: string): Promise<Handler> => {
    let loaded = modules.get(entry);
    if (!loaded) {
      loaded = importHandler<Handler>(options.repoRoot, entry);
      loaded.catch(() => modules.delete(entry));
      modules.set(entry, loaded);
    }
    return loaded;
  };

  const invokeInSandbox = (name: string, fn: LocalFunction, payload: unknown, requestId: string) =>
    new Promise<unknown>((resolve, reject) => {
      const input: SandboxInput = {
        repoRoot: options.repoRoot,
        entry: fn.entry,
        functionName: name,
        requestId,
        timeoutMs: fn.timeoutSeconds * 1000,
        payload,
      };
      // The environment as it is now: handlers read theirs at cold start, and each sandbox starts cold.
      const worker = new Worker(new URL('./lambda-sandbox.ts', import.meta.url), {
        workerData: input,
        env: { ...process.env },
      });
      const alive = sandboxes.get(name) ?? new Set();
      sandboxes.set(name, alive);
      let settled = false;
      const end = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        alive.delete(kill);
        // Open sockets (the SDK's keep-alive) would keep the thread up after the answer.
        void worker.terminate();
        settle();
      };
      const kill = (reason: string) => end(() => reject(new InvocationError('Sandbox.Crashed', reason)));
      alive.add(kill);
      const timer = setTimeout(
        () => kill(`${requestId} Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`),
        fn.timeoutSeconds * 1000,
      );
      worker.once('message', (answer: SandboxAnswer) =>
        end(() =>
          answer.ok ? resolve(answer.result) : reject(new InvocationError(answer.error.name, answer.error.message)),
        ),
      );
      worker.once('error', (error) => end(() => reject(error)));
      worker.once('exit', (code) =>
        end(() => reject(new InvocationError('Runtime.ExitError', `Runtime exited with error: exit status ${code}`))),
      );
    });

  const invoke = async (name: string, fn: LocalFunction, payload: unknown, requestId = randomUUID()) => {
    if (options.sandboxes) return invokeInSandbox(name, fn, payload, requestId);
    const handler = await load(fn.entry);
    return handler(payload, lambdaContext(name, requestId, fn.timeoutSeconds * 1000));
  };

  /** An Event invocation that failed: retried by no one, recorded where AWS would send it. */
  const recordFailure = (name: string, requestId: string, payload: unknown, error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    failures.push({
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: {
        requestId,
        functionArn: `arn:aws:lambda:eu-west-1:000000000000:function:${name}:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: 1,
      },
      requestPayload: payload,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: failure.name, errorMessage: failure.message },
    });
    options.onAsyncError?.(name, error);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = INVOKE_PATH.exec(url.pathname);
    if (request.method !== 'POST' || !path?.[1]) {
      reply(
        response,
        404,
        { message: 'Only Invoke is emulated locally' },
        { 'x-amzn-errortype': 'UnknownOperationException' },
      );
      return;
    }
    const name = functionNameOf(path[1]);
    const fn = options.functions[name];
    if (!fn) {
      reply(
        response,
        404,
        { Type: 'User', message: `Function not found: ${name}` },
        {
          'x-amzn-errortype': 'ResourceNotFoundException',
        },
      );
      return;
    }
    const type = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    readBody(request)
      .then(async (body) => {
        const payload: unknown = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
        if (type === 'DryRun') return reply(response, 204, undefined);
        if (type === 'Event') {
          const requestId = randomUUID();
          const job = invoke(name, fn, payload, requestId).catch((error: unknown) =>
            recordFailure(name, requestId, payload, error),
          );
          running.add(job);
          void job.finally(() => running.delete(job));
          return reply(response, 202, undefined);
        }
        try {
          return reply(response, 200, (await invoke(name, fn, payload)) ?? null, {
            'x-amz-executed-version': '$LATEST',
          });
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          return reply(
            response,
            200,
            { errorType: failure.name, errorMessage: failure.message, trace: (failure.stack ?? '').split('\n') },
            { 'x-amz-function-error': 'Unhandled' },
          );
        }
      })
      .catch((error: unknown) => {
        reply(
          response,
          400,
          { message: `Invalid request: ${String(error)}` },
          {
            'x-amzn-errortype': 'InvalidRequestContentException',
          },
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    idle,
    crash(functionName) {
      if (!options.sandboxes) throw new Error('The local Lambda endpoint crashes invocations only with `sandboxes`');
      const alive = [...(sandboxes.get(functionName) ?? [])];
      for (const kill of alive) kill('Crashed on request: the sandbox died (as of a timeout or out of memory)');
      return alive.length;
    },
    failedInvocations: () => [...failures],
    async stop() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // Jobs still running would otherwise fail against services that are about to stop.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle(), new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
      clearTimeout(timer);
    },
  };
}
