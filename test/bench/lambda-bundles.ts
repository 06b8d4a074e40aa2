/**
 * Each route's Lambda bundle, built with the options of infra/constructs/project-function.ts (ESM, node24,
 * minified, SDK bundled, createRequire banner), its size, and its cold import time in a fresh Node 24
 * process: roughly the init phase a Lambda cold start pays before the first request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { JOBS } from '../../functions/jobs/job-table.ts';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import { handlerEnvironment } from '../../infra/local/resources.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { median } from './stats.ts';

const BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface BundleFigure {
  readonly operationId: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly coldImportMs: number;
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
    for (const route of functions) {
      const outfile = join(outDir, `${route.operationId}.mjs`);
      await build({
        entryPoints: [join(REPO_ROOT, route.entry)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: { js: BANNER },
        minify: true,
        sourcemap: false,
        logLevel: 'error',
      });
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
      figures.push({ operationId: route.operationId, bytes, gzipBytes, coldImportMs: median(samples) });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return figures;
}
