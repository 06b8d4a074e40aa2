/**
 * Each route's Lambda bundle, built with the options of infra/constructs/project-function.ts (ESM, node24,
 * minified, SDK bundled, createRequire banner), its size, and its cold import time in a fresh Node 24
 * process: roughly the init phase a Lambda cold start pays before the first request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
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
    for (const route of [...ROUTE_LIST, FALLBACK_ROUTE]) {
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
      const gzipBytes = Number(
        execFileSync(process.execPath, [
          '-e',
          `process.stdout.write(String(require('node:zlib').gzipSync(require('node:fs').readFileSync(${JSON.stringify(outfile)})).length))`,
        ]),
      );
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const script = `const t=performance.now(); await import(${JSON.stringify(`file://${outfile}`)}); process.stdout.write(String(performance.now()-t));`;
        const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env: {
            ...process.env,
            TABLE_NAME: 'bench-table',
            DOCUMENTS_BUCKET: 'bench-bucket',
            AWS_REGION: 'eu-west-1',
            POWERTOOLS_LOG_LEVEL: 'SILENT',
          },
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
