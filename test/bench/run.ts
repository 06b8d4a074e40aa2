/**
 * `npm run bench`: measures the platform and prints the figures (tests assert behaviour, never time).
 *   1. `npm start` to healthy: first start (empty data) and restart (kept data), and the stop time
 *   2. GET /public/merchants through the local gateway at concurrency 1 and 16
 *   3. each Lambda bundle's minified size and cold import time under Node 24
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureRoute } from './http-latency.ts';
import { measureBundles } from './lambda-bundles.ts';
import { startPlatform } from './startup.ts';
import { kib, ms, printTable } from './stats.ts';

async function main(): Promise<void> {
  console.log(
    `Benchmarks on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'voucher-bench-'));
  try {
    const first = await startPlatform(dataDir);
    const firstStop = await first.stop();
    const again = await startPlatform(dataDir);
    printTable(
      '1. npm start until GET /health answers',
      ['start', 'ready after', 'Ctrl-C to all stopped'],
      [
        ['first (empty data: create table, seed demo town)', ms(first.readyMs), ms(firstStop)],
        ['restart (data kept)', ms(again.readyMs), '-'],
      ],
    );

    const url = `${again.apiUrl}/public/merchants`;
    const rows: string[][] = [];
    for (const [concurrency, total] of [
      [1, 300],
      [16, 2000],
    ] as const) {
      const figures = await measureRoute(url, concurrency, total);
      rows.push([
        String(concurrency),
        String(total),
        ms(figures.p50),
        ms(figures.p99),
        `${figures.throughput.toFixed(0)} req/s`,
        String(figures.failures),
      ]);
    }
    printTable(
      '2. GET /public/merchants (30 shops) through the local gateway',
      ['concurrency', 'requests', 'p50', 'p99', 'throughput', 'errors'],
      rows,
    );
    await again.stop();

    const bundles = await measureBundles();
    printTable(
      '3. Lambda bundles (esbuild, ESM, minified, SDK included) and cold import under Node 24 (median of 5)',
      ['function', 'minified', 'gzip', 'cold import'],
      bundles.map((b) => [b.operationId, kib(b.bytes), kib(b.gzipBytes), ms(b.coldImportMs)]),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
