/**
 * The staff admin page's backend: POST /merchant/redemptions with the dashboard's aggregator running and
 * paused in the same target (the local stream poller, switched over the target's stdin), how fast the
 * aggregator works off a backlog, and GET /campaigns/{id}/dashboard for a campaign of 100,000 redemptions.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import type { LedgerChange } from '../../shared/dashboard/ledger-change.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { dashboardKeys } from '../../shared/data/keys.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { queryAll, type TableContext } from '../../shared/data/table.ts';
import { transactWrite } from '../../shared/data/transactions.ts';
import { createDashboardAggregator } from '../../shared/services/dashboard-aggregation.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { redeemThroughGateway, send } from './bench-http.ts';
import { rawRedemptionItems, setUpRedemptions } from './redemption.ts';
import { loadTest, ms, printTable, summarise } from './stats.ts';
import type { BenchTarget } from './target-process.ts';

interface ControlledTarget extends BenchTarget {
  /** Sends a command to the target process (see target-process.ts) and waits for its `ok`. */
  command(line: 'streams pause' | 'streams resume' | 'streams idle'): Promise<number>;
  stop(): Promise<void>;
}

/** The bench target with its stdin open, so that the aggregator can be paused and resumed. */
async function startControlledTarget(): Promise<ControlledTarget> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./target-process.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  const info = await new Promise<BenchTarget>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as BenchTarget));
  });
  lines.on('line', (line) => waiting.shift()?.(line));
  return {
    ...info,
    command: (line) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        waiting.push((answer) =>
          answer === `ok ${line}` ? resolve(performance.now() - started) : reject(new Error(answer)),
        );
        child.stdin.write(`${line}\n`);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface AdminFigures {
  readonly redemption: ReadonlyArray<{
    aggregator: 'running' | 'paused';
    concurrency: number;
    requests: number;
    p50: number;
    p95: number;
    throughput: number;
    errors: number;
  }>;
  /** Time to work off the records of the paused rounds, and how many. */
  readonly catchUp: ReadonlyArray<{ redemptions: number; ms: number }>;
  readonly seed: { redemptions: number; shops: number; days: number; ms: number; counterItems: number };
  readonly dashboard: ReadonlyArray<{ concurrency: number; requests: number; p50: number; p95: number }>;
}

const ROUNDS = [
  [1, 150],
  [8, 600],
] as const;

export async function benchAdmin(options: { redemptions?: number } = {}): Promise<AdminFigures> {
  const target = await startControlledTarget();
  try {
    const { table, campaign, shops, vouchers } = await setUpRedemptions(target, 400);
    const redemption: Array<AdminFigures['redemption'][number]> = [];
    const catchUp: Array<AdminFigures['catchUp'][number]> = [];
    let cursor = 0;
    await target.command('streams idle');

    // Running, paused, running, paused at each concurrency: the same target, data and warm handlers.
    for (const [concurrency, requests] of ROUNDS) {
      for (const aggregator of ['running', 'paused', 'running', 'paused'] as const) {
        if (aggregator === 'paused') {
          await target.command('streams idle');
          await target.command('streams pause');
        } else if (redemption.at(-1)?.aggregator === 'paused') {
          await target.command('streams resume');
          catchUp.push({ redemptions: redemption.at(-1)?.requests ?? 0, ms: await target.command('streams idle') });
        }
        let errors = 0;
        const round = await loadTest(requests, concurrency, async (index) => {
          const shop = shops[index % shops.length];
          const voucher = vouchers[cursor++ % vouchers.length];
          if (!shop || !voucher) throw new Error('no data');
          const status = await redeemThroughGateway(target.apiUrl, shop.token, { code: voucher.code, amountCents: 1 });
          if (status === 201) voucher.balance -= 1;
          else errors += 1;
        });
        redemption.push({
          aggregator,
          concurrency,
          requests,
          ...summarise(round.samples),
          throughput: (requests / round.wallMs) * 1000,
          errors,
        });
      }
    }
    await target.command('streams resume');
    catchUp.push({ redemptions: redemption.at(-1)?.requests ?? 0, ms: await target.command('streams idle') });

    // A bigger backlog, written straight to the table (the redemption's own transaction) while paused.
    await target.command('streams pause');
    const backlog = 3000;
    await loadTest(backlog, 16, async (index) => {
      const shop = shops[index % shops.length];
      const voucher = vouchers[cursor++ % vouchers.length];
      if (!shop || !voucher) throw new Error('no data');
      const outcome = await transactWrite(table, rawRedemptionItems(table, campaign, shop.merchantId, voucher));
      if (outcome.committed) voucher.balance -= 1;
    });
    await target.command('streams resume');
    catchUp.push({ redemptions: backlog, ms: await target.command('streams idle') });

    const big = await seedBigCampaign(target, table, options.redemptions ?? 100_000);
    const dashboard: Array<AdminFigures['dashboard'][number]> = [];
    const url = `${target.apiUrl}/campaigns/${big.campaignId}/dashboard`;
    const headers = { authorization: `Bearer ${big.staffToken}` };
    for (let index = 0; index < 5; index += 1) await send(url, { headers });
    for (const [concurrency, requests] of [
      [1, 100],
      [4, 200],
    ] as const) {
      const round = await loadTest(requests, concurrency, async () => {
        const response = await send(url, { headers });
        if (response.status !== 200) throw new Error(`dashboard: HTTP ${response.status}`);
      });
      dashboard.push({ concurrency, requests, ...summarise(round.samples) });
    }
    table.doc.destroy();
    return { redemption, catchUp, seed: big.seed, dashboard };
  } finally {
    await target.stop();
  }
}

/**
 * A campaign of `redemptions` purchases in 30 shops over 120 days, its aggregates written by the aggregator
 * itself from synthetic purchase changes (no redemption items and no stream: the dashboard reads neither, only
 * the counters, whose number depends on shops x days x shards written, not on the number of purchases).
 */
async function seedBigCampaign(target: BenchTarget, table: TableContext, redemptions: number) {
  const today = brusselsDateOf(new Date());
  const campaign: Campaign = {
    campaignId: `bench-dash-${randomUUID().slice(0, 8)}`,
    name: 'Dashboard benchmark',
    faceValueCents: 10_000,
    budgetCents: 1_000_000_000,
    startDate: addDays(today, -119),
    endDate: addDays(today, 30),
    referenceDate: today,
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
  };
  await createCampaignStore(table).create(campaign);
  const merchants = createMerchantStore(table);
  const shopIds = Array.from({ length: 30 }, (_, index) => `${campaign.campaignId}-shop-${index}`);
  for (const [index, merchantId] of shopIds.entries()) {
    await merchants.create({
      merchantId,
      name: `Commerce ${index}`,
      category: 'other',
      address: { street: 'Rue du Banc', number: String(index + 1), postcode: '7300', locality: 'Boussu' },
      email: `${merchantId}@bench.invalid`,
      status: 'ACTIVE',
      createdAt: campaign.createdAt,
    });
    await merchants.enrol(merchantId, campaign, campaign.createdAt);
  }
  // Four aggregators on shards of their own, as four Lambda containers would be; purchases day after day
  // (as the stream brings them) in any of the shops.
  const aggregators = [0, 1, 2, 3].map((shard) => createDashboardAggregator({ table, now: () => new Date(), shard }));
  const idle = [...aggregators];
  const started = performance.now();
  const batch = 100;
  const perDay = Math.ceil(redemptions / 120);
  await loadTest(Math.ceil(redemptions / batch), aggregators.length, async (page) => {
    const changes: LedgerChange[] = [];
    for (let index = page * batch; index < Math.min(redemptions, (page + 1) * batch); index += 1) {
      changes.push({
        id: `${campaign.campaignId}-${index}`,
        kind: 'redemption',
        after: {
          campaignId: campaign.campaignId,
          merchantId: shopIds[(index * 7919) % shopIds.length] ?? '',
          businessDate: addDays(today, Math.floor(index / perDay) - 119),
          amountCents: 100 + (index % 4_900),
          status: 'ACTIVE',
          createdAt: new Date().toISOString(),
        },
      });
    }
    const aggregator = idle.pop();
    if (!aggregator) throw new Error('more workers than aggregators');
    await aggregator.apply(changes).finally(() => idle.push(aggregator));
  });
  const seedMs = performance.now() - started;
  const counters = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': dashboardKeys.partition(campaign.campaignId) },
    ProjectionExpression: 'pk',
  });
  const identity = await LocalIdentityProvider.open(target.identityDir);
  const staffToken = (await identity.mint({ sub: randomUUID(), username: 'bench-staff', roles: ['staff'] }))
    .accessToken;
  return {
    campaignId: campaign.campaignId,
    staffToken,
    seed: { redemptions, shops: shopIds.length, days: 120, ms: seedMs, counterItems: counters.length },
  };
}

export function printAdmin(figures: AdminFigures): void {
  printTable(
    'POST /merchant/redemptions through the local gateway, the dashboard aggregator running vs paused (same target, alternating rounds)',
    ['aggregator', 'concurrency', 'requests', 'p50', 'p95', 'throughput', 'errors'],
    figures.redemption.map((row) => [
      row.aggregator,
      String(row.concurrency),
      String(row.requests),
      ms(row.p50),
      ms(row.p95),
      `${row.throughput.toFixed(0)} req/s`,
      String(row.errors),
    ]),
  );
  printTable(
    'The same, p50 and throughput over both rounds of each kind',
    ['concurrency', 'p50 running', 'p50 paused', 'ratio', 'throughput running', 'throughput paused'],
    [...new Set(figures.redemption.map((row) => row.concurrency))].map((concurrency) => {
      const of = (aggregator: 'running' | 'paused') =>
        figures.redemption.filter((row) => row.concurrency === concurrency && row.aggregator === aggregator);
      const mean = (rows: typeof figures.redemption, pick: (row: (typeof rows)[number]) => number) =>
        rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, rows.length);
      const [running, paused] = [of('running'), of('paused')];
      const p50 = (rows: typeof running) => mean(rows, (row) => row.p50);
      return [
        String(concurrency),
        ms(p50(running)),
        ms(p50(paused)),
        `${(p50(running) / p50(paused)).toFixed(2)}x`,
        `${mean(running, (row) => row.throughput).toFixed(0)} req/s`,
        `${mean(paused, (row) => row.throughput).toFixed(0)} req/s`,
      ];
    }),
  );
  printTable(
    'Aggregator catching up on a backlog (2 stream records per redemption: the purchase and the balance)',
    ['redemptions waiting', 'caught up after', 'records/s'],
    figures.catchUp.map((row) => [
      String(row.redemptions),
      ms(row.ms),
      `${((row.redemptions * 2) / (row.ms / 1000)).toFixed(0)}`,
    ]),
  );
  printTable(
    `GET /campaigns/{id}/dashboard, ${figures.seed.redemptions} redemptions in ${figures.seed.shops} shops over ${figures.seed.days} days (aggregates written by four aggregators in ${ms(figures.seed.ms)}; the dashboard query reads ${figures.seed.counterItems} counter items)`,
    ['concurrency', 'requests', 'p50', 'p95'],
    figures.dashboard.map((row) => [String(row.concurrency), String(row.requests), ms(row.p50), ms(row.p95)]),
  );
}
