/**
 * The local target's stand-in for the functions' IAM roles. Every handler runs as the function it is deployed
 * as (infra/local/local-functions.ts), and each DynamoDB and S3 call it makes is checked against that
 * function's declared permissions, the same declarations infra/constructs/grants.ts turns into policies in
 * AWS (with `dynamodb:LeadingKeys` and key prefixes where they are scoped). A call outside them fails with
 * AccessDeniedException, as in AWS: a grant that is missing or too narrow fails the tests here, not in the
 * town's account, and a scope that is too wide is visible in the route table.
 *
 * Calls made outside any handler (the seed, the tests' own set-up, the target's services) are the
 * operator's, and are not checked.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { observeLocalClients } from '../../shared/aws/clients.ts';
import { type AccessRequest, accessDenied, allows, dynamoDbAccesses, s3Accesses } from './aws-access.ts';
import { type LocalFunction, localFunctionOf } from './local-functions.ts';

const running = new AsyncLocalStorage<LocalFunction>();

/** Runs `work` as `fn`: the AWS calls it makes are checked against fn's permissions. */
export function runAsFunction<T>(fn: LocalFunction, work: () => T): T {
  return running.run(fn, work);
}

type Handler = (...args: never[]) => unknown;

/**
 * Imports a handler module by its entry (a Lambda cold start) and returns its `handler`, running as the
 * function that module is deployed as.
 */
export async function importHandler<H extends Handler>(repoRoot: string, entry: string): Promise<H> {
  const module = (await import(pathToFileURL(join(repoRoot, entry)).href)) as { handler?: H };
  const handler = module.handler;
  if (typeof handler !== 'function') throw new Error(`${entry} does not export a handler`);
  const fn = localFunctionOf(entry);
  if (!fn) return handler;
  return ((...args: Parameters<H>) => runAsFunction(fn, () => handler(...args))) as H;
}

type Middleware = (
  next: (args: { input: Record<string, unknown> }) => Promise<unknown>,
  context: { commandName?: string },
) => (args: { input: Record<string, unknown> }) => Promise<unknown>;

let installed = false;

/** Checks the calls of every local DynamoDB and S3 client built from now on in this thread. Idempotent. */
export function installGrantChecks(): void {
  if (installed) return;
  installed = true;
  observeLocalClients((service, client) => {
    if (service !== 'dynamodb' && service !== 's3') return;
    const middleware: Middleware = (next, context) => async (args) => {
      const fn = running.getStore();
      if (fn) {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const requests: AccessRequest[] =
          service === 'dynamodb' ? dynamoDbAccesses(operation, args.input) : s3Accesses(operation, args.input);
        const refused = requests.find((request) => !allows(fn.permissions, request));
        if (refused) throw accessDenied(fn.name, refused);
      }
      return next(args);
    };
    type Stack = { add(middleware: Middleware, options: { step: 'initialize'; name: string }): void };
    (client.middlewareStack as unknown as Stack).add(middleware, { step: 'initialize', name: 'localGrantCheck' });
  });
}
