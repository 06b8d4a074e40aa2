/**
 * A local Lambda Invoke endpoint for the background jobs: `Event` invocations answer 202 and run the handler
 * in this process; `RequestResponse` awaits it. Like the CDK jobs, a failed Event invocation is not retried.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { lambdaContext } from '../gateway/api-event.ts';
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
}

export interface LocalLambdaService extends RunningService {
  /** Resolves once no background invocation is running (tests and benchmarks wait for their jobs). */
  idle(): Promise<void>;
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

  const load = (entry: string): Promise<Handler> => {
    let loaded = modules.get(entry);
    if (!loaded) {
      loaded = import(pathToFileURL(join(options.repoRoot, entry)).href).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler`);
        return module.handler;
      });
      loaded.catch(() => modules.delete(entry));
      modules.set(entry, loaded);
    }
    return loaded;
  };

  const invoke = async (name: string, fn: LocalFunction, payload: unknown): Promise<unknown> => {
    const handler = await load(fn.entry);
    return handler(payload, lambdaContext(name, randomUUID(), fn.timeoutSeconds * 1000));
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
          const job = invoke(name, fn, payload).catch((error: unknown) => options.onAsyncError?.(name, error));
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
