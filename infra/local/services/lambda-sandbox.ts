/**
 * One invocation of a job handler in a worker thread of its own: the local stand-in for a Lambda sandbox,
 * which the local Lambda endpoint can kill mid-run (a timeout, an out-of-memory death, or a test's crash) so
 * that nothing of the handler, not even its catch blocks, runs after that instant.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { importHandler, installGrantChecks } from '../function-grants.ts';
import { lambdaContext } from '../gateway/api-event.ts';

export interface SandboxInput {
  readonly repoRoot: string;
  readonly entry: string;
  readonly functionName: string;
  readonly requestId: string;
  readonly timeoutMs: number;
  readonly payload: unknown;
}

export type SandboxAnswer =
  | { readonly ok: true; readonly result: unknown }
  | {
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
    };

const input = workerData as SandboxInput;
const post = (answer: SandboxAnswer) => parentPort?.postMessage(answer);

try {
  // A worker thread has its own modules and clients: the grant checks are installed in it as in the target.
  installGrantChecks();
  const handler = await importHandler<(event: unknown, context: Context) => Promise<unknown>>(
    input.repoRoot,
    input.entry,
  );
  const result = await handler(input.payload, lambdaContext(input.functionName, input.requestId, input.timeoutMs));
  post({ ok: true, result: result ?? null });
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  post({
    ok: false,
    error: { name: failure.name, message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) },
  });
}
