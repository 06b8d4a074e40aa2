/**
 * `npm run bench`: measures the platform and prints the figures (tests assert behaviour, never time).
 * `npm run bench -- startup redemption` runs only the sections named.
 *   startup     `npm start` to healthy (first start, restart) and the stop time; public shop list latency
 *   bundles     each Lambda bundle's minified size, cold import time under Node 24 and top contributors
 *   redemption  POST /merchant/redemptions at concurrency 1/8/32 vs raw TransactWriteItems and vs the floor
 *               (one BatchGetItem + that transaction); hot voucher
 *   hot         the hot voucher alone: 64 tills on one voucher, and where their time goes (requests by outcome)
 *   register    register import parse + validate + eligibility rows/s and peak memory (100,000 rows)
 *   issuance    issuance vouchers/s against DynamoDB Local (one run, two at once) beside raw writes
 *   scanner     the scanner page's initial JS and transfer (gzip), load to decoded QR to shown balance
 *   public      the public site's pages (shop list, /bon/, /demande/): initial JS (gzip) each, and /bon/ opened
 *               from the letter's QR link to the balance on screen
 *   admin       POST /merchant/redemptions with the dashboard's aggregator running vs paused (same target), its
 *               catch-up on a backlog, GET /campaigns/{id}/dashboard over 100,000 redemptions (`--redemptions`)
 *   settlement  a run over 100,000 redemptions from 300 shops (and a quarter of them) beside the raw floor of
 *               its writes, with the handlers' peak memory; `--redemptions 10000 --shops 100` for a quick look
 *   letters     letters rendered per second (1 and 2 threads), then whole letter runs (API -> state machine ->
 *               batch PDFs in S3) of N/5 and N letters (`--letters`, default 5,000): letters/s, bytes, memory
 *   abuse       POST /merchant/redemptions from 4 tills alone, beside 200 req/s of anonymous requests, and alone
 *               again, with the per-route limits on: redemption p50/p99 and failures, the flood's 429s
 *   cost        what a voucher's life costs in AWS: N vouchers (`--vouchers`, default 1,000) issued, lettered,
 *               spent three times, one purchase cancelled, settled and counted by the dashboard, through the API;
 *               requests, consumed capacity, handler GB-s, transitions and log bytes counted in the local target
 *               (cost-meter.ts), priced at eu-west-1 list prices (aws-prices-eu-west-1.ts); per voucher and per
 *               month of the demo town, fixed costs apart
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAbuse, printAbuse } from './abuse.ts';
import { benchAdmin, printAdmin } from './admin.ts';
import { startBenchTarget } from './bench-target.ts';
import { benchCost, COST_DEFAULT_VOUCHERS, printCost } from './cost.ts';
import { measureRoute } from './http-latency.ts';
import { benchIssuance, printIssuance } from './issuance.ts';
import { measureBundles } from './lambda-bundles.ts';
import { benchLetters, LETTERS_DEFAULT, printLetters } from './letters.ts';
import { benchPublicPages, printPublicPages } from './public-pages.ts';
import {
  benchHotVoucher,
  benchRedemption,
  type HotVoucherFigures,
  type HotVoucherRuns,
  type LatencyRow,
} from './redemption.ts';
import { benchRegisterParse, printRegisterParse } from './register-parse.ts';
import { benchScanner, printScannerFigures } from './scanner.ts';
import { benchSettlement, printSettlement, SETTLEMENT_DEFAULTS } from './settlement.ts';
import { startPlatform } from './startup.ts';
import { kib, ms, printTable } from './stats.ts';

async function startup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'voucher-bench-'));
  try {
    const first = await startPlatform(dataDir);
    const firstStop = await first.stop();
    const again = await startPlatform(dataDir);
    printTable(
      'npm start until GET /health answers',
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
      'GET /public/merchants (30 shops) through the local gateway',
      ['concurrency', 'requests', 'p50', 'p99', 'throughput', 'errors'],
      rows,
    );
    await again.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function bundles(): Promise<void> {
  const figures = await measureBundles();
  printTable(
    'Lambda bundles (esbuild, ESM, minified, SDK included) and cold import under Node 24 (median of 5), with the biggest contributors (esbuild metafile: npm packages, our folders)',
    ['function', 'minified', 'gzip', 'cold import', 'top contributors'],
    figures.map((b) => [
      b.operationId,
      kib(b.bytes),
      kib(b.gzipBytes),
      ms(b.coldImportMs),
      b.contributors
        .slice(0, 4)
        .map((c) => `${c.name} ${kib(c.bytes)}`)
        .join(', '),
    ]),
  );
}

async function redemption(): Promise<void> {
  const target = await startBenchTarget();
  try {
    const { rows, hot } = await benchRedemption(target);
    printTable(
      'POST /merchant/redemptions over 400 vouchers and 16 shops through the gateway, and its use case called in the bench process, vs the same TransactWriteItems straight to DynamoDB Local (raw) and vs one BatchGetItem of what it decides on followed by that transaction (floor)',
      ['path', 'concurrency', 'requests', 'p50', 'p95', 'p99', 'throughput', 'errors', 'p50 / raw', 'p50 / floor'],
      rows.map((row) => {
        const measured = row.path === 'gateway' || row.path === 'use case, in the bench process';
        const baseline = (path: LatencyRow['path']) =>
          measured ? rows.find((other) => other.path === path && other.concurrency === row.concurrency) : undefined;
        const raw = baseline('raw TransactWriteItems');
        const floor = baseline('floor BatchGetItem + TransactWriteItems');
        return [
          row.path,
          String(row.concurrency),
          String(row.requests),
          ms(row.p50),
          ms(row.p95),
          ms(row.p99),
          `${row.throughput.toFixed(0)} req/s`,
          String(row.errors),
          raw ? `${(row.p50 / raw.p50).toFixed(2)}x` : '',
          floor ? `${(row.p50 / floor.p50).toFixed(2)}x` : '',
        ];
      }),
    );
    printHotVoucher(hot);
  } finally {
    await target.stop();
  }
}

function printHotVoucher(hot: HotVoucherRuns): void {
  const row = (label: string, figures: HotVoucherFigures) => [
    label,
    String(figures.attempts),
    String(figures.accepted),
    String(figures.refusedInsufficient),
    String(figures.busy),
    String(figures.retries),
    ms(figures.firstRoundMs),
    ms(figures.lastSaleMs),
    ms(figures.wallMs),
    ms(figures.spreadMs),
  ];
  const byWall = [...hot.runs].sort((a, b) => a.wallMs - b.wallMs);
  const middle = byWall[Math.floor((byWall.length - 1) / 2)];
  if (!middle) throw new Error('no hot-voucher run');
  printTable(
    `Hot voucher: 64 tills take 3 € from one 100 € voucher at the same instant (a fresh voucher each burst; median wall time ${ms(middle.wallMs)})`,
    [
      'burst',
      'attempts',
      'accepted',
      'refused (balance)',
      'busy (409, retry)',
      'retries needed',
      'first round',
      'last sale',
      'wall time',
      'same tills, 64 vouchers',
    ],
    [
      ...hot.warmUp.map((figures, index) => row(`warm-up ${index + 1}, not counted`, figures)),
      ...hot.runs.map((figures, index) => row(`run ${index + 1}`, figures)),
    ],
  );
  const inRequests = middle.requests.reduce((sum, tally) => sum + tally.totalMs, 0);
  printTable(
    `Where the tills' time went in the median run: ${ms(middle.tillMs)} of till time, ${ms(inRequests)} of it in DynamoDB requests, the rest in pauses and our code`,
    ['request', 'count', 'mean', 'total', 'share of till time'],
    middle.requests.map((tally) => [
      tally.kind,
      String(tally.count),
      ms(tally.totalMs / tally.count),
      ms(tally.totalMs),
      `${((tally.totalMs / middle.tillMs) * 100).toFixed(0)}%`,
    ]),
  );
}

async function hot(): Promise<void> {
  const target = await startBenchTarget();
  try {
    printHotVoucher(await benchHotVoucher(target));
  } finally {
    await target.stop();
  }
}

async function register(): Promise<void> {
  const figures = [];
  for (const encoding of ['utf-8', 'windows-1252'] as const) figures.push(await benchRegisterParse({ encoding }));
  printRegisterParse(figures);
}

async function issuance(): Promise<void> {
  printIssuance(await benchIssuance());
}

async function scanner(): Promise<void> {
  printScannerFigures(await benchScanner());
}

async function publicPages(): Promise<void> {
  printPublicPages(await benchPublicPages());
}

async function settlement(options: SectionOptions): Promise<void> {
  printSettlement(
    await benchSettlement({
      redemptions: Number(options.redemptions ?? SETTLEMENT_DEFAULTS.redemptions),
      shops: Number(options.shops ?? SETTLEMENT_DEFAULTS.shops),
    }),
  );
}

async function admin(options: SectionOptions): Promise<void> {
  printAdmin(await benchAdmin({ redemptions: Number(options.redemptions ?? 100_000) }));
}

async function letters(options: SectionOptions): Promise<void> {
  printLetters(await benchLetters({ letters: Number(options.letters ?? LETTERS_DEFAULT) }));
}

async function abuse(): Promise<void> {
  printAbuse(await benchAbuse());
}

async function cost(options: SectionOptions): Promise<void> {
  printCost(await benchCost({ vouchers: Number(options.vouchers ?? COST_DEFAULT_VOUCHERS) }));
}

/** Options of the sections that take any (`--redemptions 10000`). */
interface SectionOptions {
  readonly redemptions?: string;
  readonly shops?: string;
  readonly letters?: string;
  readonly vouchers?: string;
}

const SECTIONS: Record<string, (options: SectionOptions) => Promise<void>> = {
  startup,
  bundles,
  redemption,
  hot,
  register,
  issuance,
  scanner,
  public: publicPages,
  settlement,
  admin,
  letters,
  abuse,
  cost,
};

async function main(): Promise<void> {
  const { values: options, positionals: wanted } = parseArgs({
    options: {
      redemptions: { type: 'string' },
      shops: { type: 'string' },
      letters: { type: 'string' },
      vouchers: { type: 'string' },
    },
    allowPositionals: true,
  });
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0)
    throw new Error(`Unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  console.log(
    `Benchmarks on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    await run(options);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
