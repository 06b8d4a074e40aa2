/**
 * Each Lambda bundle carries the SDK client of a service exactly when its function is granted that service,
 * zod mini rather than classic zod, and the whole route table only in the OpenAPI function.
 *
 * A client it is not granted is dead weight at every cold start (the S3 client alone is about 100 KB), and
 * usually a sign of a call that would fail in AWS: the local target hands every handler every variable, so a
 * handler that reads a secret its route does not grant works locally and fails deployed. A granted service
 * whose client is missing is a grant nobody uses. Bundles are built as a synth builds them
 * (infra/constructs/lambda-bundling.ts), in memory.
 *
 * The one looser rule is for workflow tasks: the tasks of a run share one settings module
 * (functions/runtime/letter-settings.ts, settlement-settings.ts) that gives each task, at run time, only what
 * its grants allow (anything else fails loudly when used). Their bundles may carry the clients of any task of
 * the same run, never one the run as a whole is not granted.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LETTER_TASKS } from '../../functions/letters/tasks/task-table.ts';
import type { Permissions } from '../../functions/routes/route.ts';
import { SETTLEMENT_TASKS } from '../../functions/settlement/tasks/task-table.ts';
import { lambdaBuildOptions } from '../../infra/constructs/lambda-bundling.ts';
import { LOCAL_FUNCTIONS } from '../../infra/local/local-functions.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';

/** The SDK client package each grant implies. */
function grantedClients(permissions: Permissions): string[] {
  return [
    permissions.table ? 'client-dynamodb' : undefined,
    permissions.buckets?.documents ? 'client-s3' : undefined,
    permissions.secrets?.length ? 'client-secrets-manager' : undefined,
    permissions.mail ? 'client-sesv2' : undefined,
    permissions.jobs?.length ? 'client-lambda' : undefined,
    permissions.workflows?.length ? 'client-sfn' : undefined,
  ]
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Each workflow task's name, with the clients its whole run is granted. */
const WORKFLOW_CLIENTS = new Map(
  [LETTER_TASKS, SETTLEMENT_TASKS].flatMap((tasks) => {
    const run = [...new Set(Object.values(tasks).flatMap((task) => grantedClients(task.permissions)))].sort();
    return Object.keys(tasks).map((name) => [name, run] as const);
  }),
);

const carried = new Map<string, string[]>();
/** Each bundle's modules that tree shaking kept (paths relative to the repository, as esbuild names them). */
const modules = new Map<string, string[]>();

beforeAll(async () => {
  // One esbuild run for all of them, as a synth builds them: each entry is its own self-contained bundle.
  const { metafile } = await build({
    ...lambdaBuildOptions(REPO_ROOT),
    entryPoints: Object.fromEntries(LOCAL_FUNCTIONS.map((fn) => [fn.name, join(REPO_ROOT, fn.entry)])),
    outdir: join(REPO_ROOT, 'bundles'),
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  for (const fn of LOCAL_FUNCTIONS) {
    const output = metafile.outputs[`bundles/${fn.name}.js`];
    if (!output) throw new Error(`no bundle for ${fn.name}`);
    // Only what is in the output counts: the metafile's inputs also list modules tree shaking dropped.
    const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0);
    const clients = new Set(inputs.flatMap(([path]) => path.match(/@aws-sdk\/(client-[a-z0-9-]+)\//)?.[1] ?? []));
    carried.set(fn.name, [...clients].sort());
    modules.set(
      fn.name,
      inputs.map(([path]) => path),
    );
  }
}, 300_000);

describe('the SDK clients in each Lambda bundle', () => {
  const tasks = LOCAL_FUNCTIONS.filter((fn) => WORKFLOW_CLIENTS.has(fn.name));
  const others = LOCAL_FUNCTIONS.filter((fn) => !WORKFLOW_CLIENTS.has(fn.name));

  it.each(others.map((fn) => [fn.name, fn] as const))('%s: exactly those of its grants', (name, fn) => {
    expect(carried.get(name)).toEqual(grantedClients(fn.permissions));
  });

  it.each(tasks.map((fn) => [fn.name, fn] as const))('%s (a run task): its own, and only its run’s', (name, fn) => {
    const clients = carried.get(name) ?? [];
    expect(clients).toEqual(expect.arrayContaining(grantedClients(fn.permissions)));
    for (const client of clients) expect(WORKFLOW_CLIENTS.get(name), client).toContain(client);
  });
});

describe('what else a Lambda bundle carries', () => {
  const names = LOCAL_FUNCTIONS.map((fn) => fn.name);

  it.each(names)('%s: zod mini, never classic zod', (name) => {
    // Classic zod's methods keep all of it in a bundle (biome refuses the import; this catches a dependency's).
    expect(modules.get(name)?.filter((path) => path.includes('node_modules/zod/v4/classic/'))).toEqual([]);
  });

  it('only the OpenAPI function carries the whole route table and the document generator', () => {
    const withWholeTable = names.filter((name) =>
      modules
        .get(name)
        ?.some((path) => path === 'functions/routes/index.ts' || path === 'functions/system/openapi-document.ts'),
    );
    expect(withWholeTable).toEqual(['getOpenApi']);
  });
});
