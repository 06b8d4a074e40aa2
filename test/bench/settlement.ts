/**
 * Settlement: a run over N redemptions from M shops, started as finance starts it and run by the local state
 * machine with the real handlers, until its documents exist; beside the raw floor of its writes in the same
 * target; at N/4 and N, each in a fresh target process, so that the memory figures of both sizes compare.
 * Run alone: `npm exec -- node test/bench/settlement.ts [--redemptions 100000] [--shops 300]`.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { SHOPS_IN_PARALLEL } from '../../infra/workflows/settlement-workflow.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { startBenchTarget } from './bench-target.ts';
import { childProcess, cpuSeconds } from './process-usage.ts';
import { type BreakdownFigures, closingBreakdown } from './settlement-breakdown.ts';
import { type FloorFigures, rawSettlementFloor } from './settlement-floor.ts';
import { approveRun, type RunFigures, runSettlement } from './settlement-run.ts';
import { type SeededSet, type SeededShop, seedRedemptions } from './settlement-seed.ts';
import { printTable, summarise } from './stats.ts';

export interface SettlementSizeFigures {
  readonly redemptions: number;
  readonly shops: number;
  /** A small run first (4 shops, 1,200 redemptions): loads the handlers, warms DynamoDB Local's JIT. */
  readonly warmupSeconds: number;
  readonly run: RunFigures;
  readonly floor: FloorRun;
  readonly breakdown: BreakdownFigures;
  /** os.loadavg() before and after this size: the 2 cores are shared with other work. */
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

export const SETTLEMENT_DEFAULTS = { redemptions: 100_000, shops: 300 } as const;

const RUN_TIMEOUT_MS = 30 * 60 * 1000;
/** Shops of the timed in-process closing: enough calls of every kind, at a fraction of a run's time. */
const BREAKDOWN_SHOPS = 40;
/** A goal of the issue: a run within 1.5 times the floor, memory under 512 MB and flat in N. */
const GOALS = { ratio: 1.5, memoryMb: 512, flatWithin: 0.1 } as const;

/** The floor, with the CPU seconds DynamoDB Local and the bench process (the client) spent on it. */
interface FloorRun extends FloorFigures {
  readonly dynamoCpuSeconds: number;
  readonly clientCpuSeconds: number;
}

async function floorWithCpu(table: TableContext, shops: readonly SeededShop[], dynamoPid: number): Promise<FloorRun> {
  const dynamoBefore = cpuSeconds(dynamoPid);
  const clientBefore = process.cpuUsage();
  const floor = await rawSettlementFloor(table, shops, SHOPS_IN_PARALLEL);
  const client = process.cpuUsage(clientBefore);
  return {
    ...floor,
    dynamoCpuSeconds: cpuSeconds(dynamoPid) - dynamoBefore,
    clientCpuSeconds: (client.user + client.system) / 1e6,
  };
}

/** The closing figures must be the seeded ones exactly: a fast run that settled the wrong thing is no figure. */
function checkRun(figures: RunFigures, seeded: SeededSet, shops: number): void {
  const { run } = figures;
  if (
    run.redemptionCount !== seeded.redemptions ||
    run.totalCents !== seeded.amountCents ||
    run.settlementCount !== shops
  ) {
    throw new Error(
      `run ${run.runId} settled ${run.redemptionCount} redemptions, ${run.totalCents} cents, ${run.settlementCount} shops; ` +
        `seeded ${seeded.redemptions}, ${seeded.amountCents}, ${shops}`,
    );
  }
}

async function benchSize(redemptions: number, shops: number): Promise<SettlementSizeFigures> {
  const target = await startBenchTarget();
  const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const table: TableContext = { doc, tableName: target.tableName };
  try {
    // Locally the dashboard's stream aggregator runs in the handlers' process (in AWS, a Lambda of its own):
    // off, so that it shares neither the cores nor DynamoDB Local with the floor or the run, nor their memory.
    await target.command('streams pause');
    const loadBefore = loadavg();
    const dynamoPid = childProcess(target.pid, 'DynamoDBLocal.jar');
    if (!dynamoPid) throw new Error('settlement bench: no DynamoDB Local under the bench target');
    const processes = { ...target, dynamoPid };
    const identity = await LocalIdentityProvider.open(target.identityDir);
    const { accessToken: token } = await identity.mint({
      sub: randomUUID(),
      username: 'bench-finance',
      roles: ['finance'],
    });

    // Before the measured data exists: the warm-up run would settle it otherwise.
    await seedRedemptions(table, { prefix: 'W', shops: 4, redemptions: 1200, merchants: true });
    const warmup = await runSettlement(processes, table, token, RUN_TIMEOUT_MS);
    await approveRun(target.apiUrl, token, table, warmup.runId);

    const measured = await seedRedemptions(table, { prefix: 'B', shops, redemptions, merchants: true });
    // The floor's own redemptions, of shops no run lists: both start from N unsettled redemptions.
    const floorSet = await seedRedemptions(table, { prefix: 'F', shops, redemptions, merchants: false });
    // Half the floor before the run and half after: a change of load on the shared cores weighs on both.
    const half = Math.ceil(floorSet.shops.length / 2);
    const floorBefore = await floorWithCpu(table, floorSet.shops.slice(0, half), dynamoPid);
    const run = await runSettlement(processes, table, token, RUN_TIMEOUT_MS);
    checkRun(run, measured, shops);
    await approveRun(target.apiUrl, token, table, run.runId);
    const floorAfter = await floorWithCpu(table, floorSet.shops.slice(half), dynamoPid);
    const floor: FloorRun = {
      seconds: floorBefore.seconds + floorAfter.seconds,
      transactionMs: [...floorBefore.transactionMs, ...floorAfter.transactionMs],
      dynamoCpuSeconds: floorBefore.dynamoCpuSeconds + floorAfter.dynamoCpuSeconds,
      clientCpuSeconds: floorBefore.clientCpuSeconds + floorAfter.clientCpuSeconds,
    };

    // After the run (which would have settled them): shops of the same size, closed by the use case in-process.
    const sample = Math.min(shops, BREAKDOWN_SHOPS);
    const sampled = await seedRedemptions(table, {
      prefix: 'D',
      shops: sample,
      redemptions: Math.round((redemptions / shops) * sample),
      merchants: true,
    });
    const breakdown = await closingBreakdown(table, sampled, SHOPS_IN_PARALLEL);
    return {
      redemptions,
      shops,
      warmupSeconds: warmup.totalSeconds,
      run,
      floor,
      breakdown,
      loadBefore,
      loadAfter: loadavg(),
    };
  } finally {
    doc.destroy();
    await target.stop();
  }
}

/** N/4 first, then N, each in a target of its own. */
export async function benchSettlement(
  options: { redemptions?: number; shops?: number } = {},
): Promise<SettlementSizeFigures[]> {
  const redemptions = options.redemptions ?? SETTLEMENT_DEFAULTS.redemptions;
  const shops = options.shops ?? SETTLEMENT_DEFAULTS.shops;
  if (!Number.isInteger(redemptions) || !Number.isInteger(shops) || shops < 1 || redemptions < 4 * shops) {
    throw new Error('--redemptions and --shops take whole numbers, with at least 4 redemptions per shop');
  }
  return [await benchSize(Math.round(redemptions / 4), shops), await benchSize(redemptions, shops)];
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const mb = (value: number) => `${Math.round(value)} MB`;
const count = (value: number) => Math.round(value).toLocaleString('en');
const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(' / ');
const latencies = (samples: readonly number[]) => {
  const { p50, p95 } = summarise(samples);
  return `${p50.toFixed(0)} / ${p95.toFixed(0)} ms`;
};
const peakOf = (figures: SettlementSizeFigures) => Math.max(figures.run.peakClosingMb, figures.run.peakDocumentsMb);

export function printSettlement(sizes: readonly SettlementSizeFigures[]): void {
  printTable(
    `Settlement run (POST /settlement-runs, local state machine, Map of ${SHOPS_IN_PARALLEL}) to AWAITING_APPROVAL, vs the raw floor (the same writes, TransactWriteItems of 100, ${SHOPS_IN_PARALLEL} shops at a time)`,
    [
      'redemptions',
      'shops',
      'open',
      'shops closed',
      'documents',
      'total',
      'redemptions/s',
      'raw floor',
      'floor/s',
      'total / floor',
      'closing / floor',
    ],
    sizes.map(({ redemptions, shops, run, floor }) => [
      count(redemptions),
      String(shops),
      s(run.openSeconds),
      s(run.closedSeconds),
      s(run.totalSeconds - run.closedSeconds),
      s(run.totalSeconds),
      count(redemptions / run.totalSeconds),
      s(floor.seconds),
      count(redemptions / floor.seconds),
      `${(run.totalSeconds / floor.seconds).toFixed(2)}x`,
      `${(run.closedSeconds / floor.seconds).toFixed(2)}x`,
    ]),
  );
  printTable(
    'Where the time goes: CPU seconds over the same span (2 shared cores, so less sensitive to the load than wall time)',
    [
      'redemptions',
      'run: handlers',
      'run: DynamoDB',
      'floor: client',
      'floor: DynamoDB',
      'CPU / floor CPU',
      'floor tx p50 / p95',
      'warm-up run',
      'reports after',
    ],
    sizes.map(({ redemptions, run, floor, warmupSeconds }) => [
      count(redemptions),
      s(run.handlersCpuSeconds),
      s(run.dynamoCpuSeconds),
      s(floor.clientCpuSeconds),
      s(floor.dynamoCpuSeconds),
      `${((run.handlersCpuSeconds + run.dynamoCpuSeconds) / (floor.clientCpuSeconds + floor.dynamoCpuSeconds)).toFixed(2)}x`,
      latencies(floor.transactionMs),
      s(warmupSeconds),
      s(run.reportsSeconds),
    ]),
  );
  for (const { breakdown, floor, redemptions } of sizes) {
    const callMs = breakdown.calls.reduce((sum, call) => sum + call.totalMs, 0);
    printTable(
      `Closing alone at ${count(redemptions)}: settleShop called in-process for ${breakdown.shops} shops of the same size (${count(breakdown.redemptions)} redemptions, ${breakdown.parallel} at a time): ${s(breakdown.seconds)}, ${count(breakdown.redemptions / breakdown.seconds)}/s vs the floor's ${count(redemptions / floor.seconds)}/s`,
      ['DynamoDB call', 'calls', 'per shop', 'mean', 'share of call time'],
      breakdown.calls.map((call) => [
        call.kind,
        count(call.calls),
        (call.calls / breakdown.shops).toFixed(1),
        `${(call.totalMs / call.calls).toFixed(1)} ms`,
        `${((100 * call.totalMs) / callMs).toFixed(1)} %`,
      ]),
    );
  }
  printTable(
    'Resident memory of the process running the handlers (the whole local target: gateway, local services, every step)',
    [
      'redemptions',
      'before the run',
      'peak closing',
      'peak documents',
      'growth',
      'VmHWM (life)',
      'load avg 1/5/15 min',
    ],
    sizes.map((figures) => [
      count(figures.redemptions),
      mb(figures.run.rssBeforeMb),
      mb(figures.run.peakClosingMb),
      mb(figures.run.peakDocumentsMb),
      `+${mb(peakOf(figures) - figures.run.rssBeforeMb)}`,
      mb(figures.run.lifetimePeakMb),
      `${load(figures.loadBefore)} -> ${load(figures.loadAfter)}`,
    ]),
  );
  const small = sizes[0];
  const large = sizes.at(-1);
  if (!small || !large) return;
  const ratio = large.run.totalSeconds / large.floor.seconds;
  const peak = Math.max(...sizes.map((figures) => figures.run.lifetimePeakMb));
  const grew = peakOf(large) - peakOf(small);
  const verdict = (ok: boolean) => (ok ? 'MET    ' : 'NOT MET');
  console.log(
    `\n${verdict(ratio <= GOALS.ratio)} within ${GOALS.ratio}x of the floor: ${ratio.toFixed(2)}x at ${count(large.redemptions)} redemptions`,
  );
  console.log(
    `${verdict(peak < GOALS.memoryMb)} under ${GOALS.memoryMb} MB: peak ${mb(peak)} for the whole target process (a Lambda holds one step)`,
  );
  console.log(
    `${verdict(grew <= GOALS.flatWithin * peakOf(small))} flat in N: peak ${mb(peakOf(small))} at ${count(small.redemptions)}, ${mb(peakOf(large))} at ${count(large.redemptions)} (flat = within ${GOALS.flatWithin * 100}%)`,
  );
  const documentsSeconds = large.run.totalSeconds - large.run.closedSeconds;
  console.log(
    `        the documents step (one Lambda, 900 s): ${s(documentsSeconds)} for ${count(large.redemptions)} redemptions, about ${count((large.redemptions * 900) / documentsSeconds)} at most at this pace`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { redemptions: { type: 'string' }, shops: { type: 'string' } } });
  printSettlement(
    await benchSettlement({
      redemptions: Number(values.redemptions ?? SETTLEMENT_DEFAULTS.redemptions),
      shops: Number(values.shops ?? SETTLEMENT_DEFAULTS.shops),
    }),
  );
}
