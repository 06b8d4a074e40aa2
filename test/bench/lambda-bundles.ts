/**
 * Each route's Lambda bundle, built with the options CDK builds it with (infra/constructs/lambda-bundling.ts:
 * ESM, node24, minified, SDK bundled, the Lambda credential provider), its size, and its cold import time in a
 * fresh Node 24 process: roughly the init phase a Lambda cold start pays before the first request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { JOBS } from '../../functions/jobs/job-table.ts';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import { lambdaBuildOptions } from '../../infra/constructs/lambda-bundling.ts';
import { handlerEnvironment } from '../../infra/local/resources.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { median } from './stats.ts';

export interface BundleFigure {
  readonly operationId: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly coldImportMs: number;
  /** What the bundle is made of, biggest first: npm packages by name, our code by top-level folder. */
  readonly contributors: ReadonlyArray<{ readonly name: string; readonly bytes: number }>;
}

/** Who a bundled file belongs to: its npm package (scoped or not), else our top-level folder. */
function ownerOf(path: string): string {
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = path.slice(modules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? path);
  }
  return `${path.split('/')[0] ?? path}/`;
}

/** Bytes in the output by owner, from esbuild's metafile. */
function contributorsOf(metafile: Metafile, outfile: string): BundleFigure['contributors'] {
  const output = Object.entries(metafile.outputs).find(([path]) => basename(path) === basename(outfile))?.[1];
  const byOwner = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    byOwner.set(ownerOf(path), (byOwner.get(ownerOf(path)) ?? 0) + input.bytesInOutput);
  }
  return [...byOwner].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function measureBundles(runs = 5): Promise<BundleFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'voucher-bundles-'));
  const figures: BundleFigure[] = [];
  try {
    // The local target's environment, pointed at a closed port: importing a handler builds its clients and
    // reads its configuration (as a Lambda init does) but sends nothing.
    const closed = 'http://127.0.0.1:9';
    const environment = {
      ...process.env,
      ...handlerEnvironment({ dynamodb: closed, s3: closed, ses: closed, lambda: closed, secrets: closed }, 'SILENT'),
    };
    const functions = [
      ...ROUTE_LIST,
      FALLBACK_ROUTE,
      ...Object.values(JOBS).map((job) => ({ operationId: `job:${job.name}`, entry: job.entry })),
    ];
    // One esbuild run for all of them, as a synth builds them: each entry is its own self-contained bundle.
    const { metafile } = await build({
      ...lambdaBuildOptions(REPO_ROOT),
      entryPoints: Object.fromEntries(functions.map((route) => [route.operationId, join(REPO_ROOT, route.entry)])),
      metafile: true,
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      sourcemap: false,
      logLevel: 'error',
    });
    for (const route of functions) {
      const outfile = join(outDir, `${route.operationId}.mjs`);
      const bytes = statSync(outfile).size;
      const gzipBytes = gzipSync(readFileSync(outfile)).length;
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const script = `const t=performance.now(); await import(${JSON.stringify(`file://${outfile}`)}); process.stdout.write(String(performance.now()-t));`;
        const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env: environment,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        samples.push(Number(output.toString()));
      }
      figures.push({
        operationId: route.operationId,
        bytes,
        gzipBytes,
        coldImportMs: runs > 0 ? median(samples) : Number.NaN,
        contributors: contributorsOf(metafile, outfile),
      });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return figures;
}
