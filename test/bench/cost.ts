/**
 * What a voucher's life costs in AWS: N vouchers (`--vouchers`, default 1,000) of a fresh campaign taken
 * through the API on the local target with its cost meter on (cost-meter.ts): an issuance run, a letter run,
 * three purchases each at the demo town's shops, one of them cancelled, a settlement run that finance approves,
 * the dashboard's aggregator caught up. Counted in the target (requests, consumed capacity, handler time, state
 * transitions, log bytes), priced at eu-west-1 list prices (aws-prices-eu-west-1.ts), printed per voucher and
 * for a month of the demo town, with the costs that do not depend on traffic apart.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { JOB_LIST } from '../../functions/jobs/job-table.ts';
import { LETTER_TASKS } from '../../functions/letters/tasks/task-table.ts';
import { SETTLEMENT_TASKS } from '../../functions/settlement/tasks/task-table.ts';
import { STREAM_CONSUMERS } from '../../functions/streams/stream-consumers.ts';
import { buildApp } from '../../infra/app.ts';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { LOCAL_RESOURCES } from '../../infra/local/resources.ts';
import { DEMO_MERCHANTS, syntheticBelgianIban } from '../../infra/local/seed/demo-merchants.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { createDynamoDbClients, createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { createSettlementStore } from '../../shared/data/settlement-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { openCode } from '../../shared/vouchers/code-seal.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import { stackTemplates } from '../support/stack-templates.ts';
import { PRICES_REGION, PRICES_TAKEN_ON } from './aws-prices-eu-west-1.ts';
import { apiCall, pollUntil } from './bench-api.ts';
import { startBenchTarget } from './bench-target.ts';
import type { MeterSnapshot } from './cost-meter.ts';
import {
  type FixedResources,
  type PricedLine,
  priceFixed,
  priceStorage,
  priceUsage,
  snapshotDelta,
  totalOf,
  type Usage,
  usageOf,
} from './cost-model.ts';
import { seedCampaign } from './issuance.ts';
import { approveRun } from './settlement-run.ts';
import { printTable } from './stats.ts';

export const COST_DEFAULT_VOUCHERS = 1000;
/** The goal for one voucher's whole life. */
const GOAL_PER_VOUCHER_USD = 0.0001;
const RUN_POLLING = { timeoutMs: 20 * 60 * 1000, pollMs: 1000 };
/** Purchases per voucher (cents): the second one is cancelled by its shop. */
const PURCHASES = [2_000, 3_000, 2_500] as const;
/** Tills at work at once: low, so that each handler's measured time is close to its time alone. */
const TILLS = 2;

/** The demo town as `npm start` seeds it (infra/local/seed/demo-town.ts): 550,000 € of 100 € vouchers, 120 days. */
export const DEMO_TOWN = {
  vouchers: 550_000 / 100,
  shops: DEMO_MERCHANTS.filter((shop) => shop.active).length,
  campaignDays: 120,
} as const;

const AGGREGATOR = STREAM_CONSUMERS.aggregateDashboard.entry;
/** Memory of each Lambda as deployed: the tables' sizes; routes take ProjectFunction's default. */
const ROUTE_MEMORY_MB = 512;
const MEMORY_MB: ReadonlyMap<string, number> = new Map([
  ...JOB_LIST.map((job) => [job.entry, job.memorySize] as const),
  ...Object.values(LETTER_TASKS).map((task) => [task.entry, task.memorySize] as const),
  ...Object.values(SETTLEMENT_TASKS).map((task) => [task.entry, task.memorySize] as const),
  ...Object.values(STREAM_CONSUMERS).map((consumer) => [consumer.entry, consumer.memorySize] as const),
]);
const memoryMbOf = (entry: string) => MEMORY_MB.get(entry) ?? ROUTE_MEMORY_MB;

export interface CostPhase {
  readonly name: string;
  readonly usage: Usage;
  readonly usd: number;
}

export interface CostFigures {
  readonly vouchers: number;
  readonly phases: readonly CostPhase[];
  /** Every phase together, per voucher, by service. */
  readonly perVoucher: readonly PricedLine[];
  readonly perVoucherUsd: number;
  readonly settlementRunUsd: number;
  readonly aggregatorRecordsPerInvocation: number;
  readonly tableBytesPerVoucher: number;
  readonly bucketBytesPerVoucher: number;
  readonly fixed: readonly PricedLine[] | string;
  readonly totals: MeterSnapshot;
}

async function inParallel<T>(items: readonly T[], workers: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

/** The stack's fixed-cost resources, counted in the template `cdk synth` would deploy (prod stage, no bundling). */
function fixedResources(): FixedResources | string {
  const outdir = mkdtempSync(join(tmpdir(), 'cost-bench-cdk-'));
  try {
    // cdk.json's context (town settings, feature flags), as `cdk synth` reads it.
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    };
    const { app, stack } = buildApp({
      context: { ...cdkJson.context, stage: 'prod', 'aws:cdk:bundling-stacks': [] },
      outdir,
    });
    app.synth();
    // The nested stacks' too: the settlement and letter runs have alarms of their own.
    const templates = stackTemplates(stack);
    const count = (type: string) =>
      templates.reduce((sum, { template }) => sum + Object.keys(template.findResources(type)).length, 0);
    return {
      secrets: count('AWS::SecretsManager::Secret'),
      alarms: count('AWS::CloudWatch::Alarm'),
      dashboards: count('AWS::CloudWatch::Dashboard'),
      customerManagedKeys: count('AWS::KMS::Key'),
      // DynamoDB asks KMS for the table key about every 5 minutes while the table is in use.
      managedKeyRequestsPerMonth: 12 * 24 * 30,
    };
  } catch (error) {
    return `the stack did not synthesise here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export async function benchCost(options: { vouchers?: number } = {}): Promise<CostFigures> {
  const vouchers = options.vouchers ?? COST_DEFAULT_VOUCHERS;
  const fixed = fixedResources();
  const target = await startBenchTarget({ meter: true });
  const { raw, doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const s3 = createS3Client({ region: 'eu-west-1', endpoints: target.endpoints });
  try {
    const table: TableContext = { doc, tableName: target.tableName };
    const documents = createDocumentStore({ s3, bucket: LOCAL_RESOURCES.buckets.documents });
    const identity = await LocalIdentityProvider.open(target.identityDir);
    const mint = async (username: string, roles: string[], merchantId?: string) =>
      (
        await identity.mint({
          sub: randomUUID(),
          username,
          roles: roles as never,
          ...(merchantId ? { merchantId } : {}),
        })
      ).accessToken;
    const staff = await mint('cost-staff', ['staff']);
    const finance = await mint('cost-finance', ['finance']);
    const tableBytes = async () =>
      (await raw.send(new DescribeTableCommand({ TableName: target.tableName }))).Table?.TableSizeBytes ?? 0;
    const tableBytesBefore = await tableBytes();
    const bucketBytesBefore = (await documents.listObjects('')).reduce((total, file) => total + file.size, 0);

    // Set-up, not counted: the people (as a register import leaves them), the demo town's shops enrolled.
    const campaign = await seedCampaign(table, vouchers);
    const base = `${target.apiUrl}/campaigns/${campaign.campaignId}`;
    const merchants = createMerchantStore(table);
    const shops: Array<{ merchantId: string; token: string }> = [];
    for (const [index, shop] of DEMO_MERCHANTS.filter((demo) => demo.active).entries()) {
      const merchantId = `${campaign.campaignId}-shop-${index}`;
      await merchants.create({
        merchantId,
        name: shop.name,
        category: shop.category,
        address: shop.address,
        iban: syntheticBelgianIban(990, 3_000_000 + index * 7919),
        email: `${merchantId}@bench.invalid`,
        status: 'ACTIVE',
        createdAt: campaign.createdAt,
      });
      await merchants.enrol(merchantId, campaign, campaign.createdAt);
      shops.push({ merchantId, token: await mint(merchantId, ['merchant'], merchantId) });
    }

    const snapshots: Array<{ name: string; at: MeterSnapshot }> = [{ name: 'start', at: await target.meter() }];
    const mark = async (name: string) => snapshots.push({ name, at: await target.meter() });

    const issuance = await apiCall<{ runId: string }>(`${base}/issuance`, staff, {
      method: 'POST',
      idempotencyKey: randomUUID(),
    });
    await pollUntil('the issuance run', RUN_POLLING, async () => {
      const run = await apiCall<{ status: string; issued: number }>(`${base}/issuance/${issuance.runId}`, staff);
      if (run.status === 'FAILED') throw new Error('issuance run failed');
      if (run.status === 'DONE' && run.issued !== vouchers) throw new Error(`issued ${run.issued} of ${vouchers}`);
      return run.status === 'DONE' ? true : undefined;
    });
    await mark('issuance run');

    // The codes, as the letters will print them (the manifests go once the letter run has printed them).
    const codeKey = Buffer.from(target.codeKeyBase64, 'base64');
    const codes: string[] = [];
    for (const file of await documents.listObjects(`letters/pending/${campaign.campaignId}/`)) {
      const text = new TextDecoder().decode((await documents.getBytes(file.key)) ?? new Uint8Array());
      for (const line of text.split('\n').filter(Boolean)) {
        codes.push(formatCode(openCode(codeKey, (JSON.parse(line) as { sealedCode: string }).sealedCode)));
      }
    }
    if (codes.length !== vouchers) throw new Error(`found ${codes.length} codes in the manifests, not ${vouchers}`);

    const letters = await apiCall<{ runId: string }>(`${base}/letter-runs`, staff, {
      method: 'POST',
      idempotencyKey: randomUUID(),
    });
    const batches = await pollUntil('the letter run', RUN_POLLING, async () => {
      const run = await apiCall<{ status: string; batches: unknown[] }>(`${base}/letter-runs/${letters.runId}`, staff);
      if (run.status === 'FAILED') throw new Error('letter run failed');
      return run.status === 'DONE' ? run.batches.length : undefined;
    });
    await mark('letter run');

    const cancellable: Array<{ redemptionId: string; token: string }> = [];
    let purchase = 0;
    for (const [round, amountCents] of PURCHASES.entries()) {
      await inParallel(codes, TILLS, async (code) => {
        const shop = shops[purchase++ % shops.length];
        if (!shop) throw new Error('no shops');
        const answer = await apiCall<{ redemptionId: string }>(`${target.apiUrl}/merchant/redemptions`, shop.token, {
          method: 'POST',
          idempotencyKey: randomUUID(),
          body: { code, amountCents },
        });
        if (round === 1) cancellable.push({ redemptionId: answer.redemptionId, token: shop.token });
      });
    }
    await mark('3 purchases');

    await inParallel(cancellable, TILLS, async ({ redemptionId, token }) => {
      await apiCall(`${target.apiUrl}/merchant/redemptions/${redemptionId}/reversal`, token, {
        method: 'POST',
        idempotencyKey: randomUUID(),
      });
    });
    await mark('1 cancellation');

    const settlement = await apiCall<{ runId: string }>(`${target.apiUrl}/settlement-runs`, finance, {
      method: 'POST',
      idempotencyKey: randomUUID(),
      body: { cutoff: new Date().toISOString() },
    });
    const runs = createSettlementStore(table);
    await pollUntil('the settlement reports', RUN_POLLING, async () => {
      const run = await runs.getRun(settlement.runId);
      if (run?.status === 'FAILED' || run?.status === 'EMPTY') throw new Error(`settlement run ${run.status}`);
      return run?.status === 'AWAITING_APPROVAL' && run.reportsSentAt ? true : undefined;
    });
    await approveRun(target.apiUrl, finance, table, settlement.runId);
    await mark('settlement run');

    await target.command('streams idle');
    await mark('aggregator caught up');

    const first = snapshots[0]?.at as MeterSnapshot;
    const last = snapshots.at(-1)?.at as MeterSnapshot;
    const totals = snapshotDelta(last, first);
    const phases: CostPhase[] = [];
    for (let index = 1; index < snapshots.length - 1; index += 1) {
      const delta = snapshotDelta(snapshots[index]?.at as MeterSnapshot, snapshots[index - 1]?.at as MeterSnapshot);
      const usage = usageOf(delta, memoryMbOf, {
        include: (entry) => entry !== AGGREGATOR,
        shared: true,
        // The print shop (or staff) fetches each batch PDF once, through a presigned GET.
        ...(snapshots[index]?.name === 'letter run' ? { extra: { s3TierTwo: batches } } : {}),
      });
      phases.push({ name: snapshots[index]?.name ?? '?', usage, usd: totalOf(priceUsage(usage)) });
    }
    const aggregation = usageOf(totals, memoryMbOf, { include: (entry) => entry === AGGREGATOR, shared: false });
    phases.push({ name: 'dashboard aggregation', usage: aggregation, usd: totalOf(priceUsage(aggregation)) });

    const whole = phases.reduce<Usage>(
      (sum, phase) =>
        Object.fromEntries(
          Object.entries(sum).map(([field, value]) => [field, value + phase.usage[field as keyof Usage]]),
        ) as unknown as Usage,
      usageOf(snapshotDelta(first, first), memoryMbOf),
    );
    const perVoucher = priceUsage(
      Object.fromEntries(Object.entries(whole).map(([field, value]) => [field, value / vouchers])) as unknown as Usage,
    );
    const aggregatorRuns = totals.invocations.find((tally) => tally.entry === AGGREGATOR)?.invocations ?? 0;
    const ledgerChanges = vouchers * (1 + PURCHASES.length + 1);
    const bucketBytes = (await documents.listObjects('')).reduce((total, file) => total + file.size, 0);
    return {
      vouchers,
      phases,
      perVoucher,
      perVoucherUsd: totalOf(perVoucher),
      settlementRunUsd: phases.find((phase) => phase.name === 'settlement run')?.usd ?? 0,
      aggregatorRecordsPerInvocation: aggregatorRuns > 0 ? ledgerChanges / aggregatorRuns : 0,
      tableBytesPerVoucher: Math.max(0, (await tableBytes()) - tableBytesBefore) / vouchers,
      bucketBytesPerVoucher: Math.max(0, bucketBytes - bucketBytesBefore) / vouchers,
      fixed: typeof fixed === 'string' ? fixed : priceFixed(fixed),
      totals,
    };
  } finally {
    doc.destroy();
    s3.destroy();
    await target.stop();
  }
}

const usd = (value: number) => (value === 0 ? '0' : value < 0.01 ? `$${value.toPrecision(3)}` : `$${value.toFixed(2)}`);
const count = (value: number) =>
  value === 0 ? '0' : value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3);

export function printCost(figures: CostFigures): void {
  const n = figures.vouchers;
  console.log(
    `\nPrices: AWS list prices for ${PRICES_REGION} as known on ${PRICES_TAKEN_ON} (test/bench/aws-prices-eu-west-1.ts), no free tier`,
  );
  printTable(
    `One voucher's life, by step (${n} vouchers through the API; each step's counts / ${n})`,
    [
      'step',
      'DynamoDB RRU',
      'DynamoDB WRU',
      'Lambda GB-s',
      'invocations',
      'HTTP API',
      'S3 req',
      'emails',
      'transitions',
      'log KB',
      '$ per voucher',
    ],
    figures.phases.map((phase) => [
      phase.name,
      count(phase.usage.dynamodbReadUnits / n),
      count(phase.usage.dynamodbWriteUnits / n),
      count(phase.usage.lambdaGbSeconds / n),
      count(phase.usage.lambdaRequests / n),
      count(phase.usage.httpApiRequests / n),
      count((phase.usage.s3TierOneRequests + phase.usage.s3TierTwoRequests) / n),
      count(phase.usage.sesRecipients / n),
      count(phase.usage.stateTransitions / n),
      count(phase.usage.logBytes / n / 1024),
      usd(phase.usd / n),
    ]),
  );
  printTable(
    'One voucher lifecycle, by service',
    ['service', 'billed as', 'per voucher', '$ per voucher', 'share'],
    figures.perVoucher.map((line) => [
      line.service,
      line.what,
      count(line.quantity),
      usd(line.usd),
      `${((line.usd / figures.perVoucherUsd) * 100).toFixed(1)}%`,
    ]),
  );
  const goal = figures.perVoucherUsd <= GOAL_PER_VOUCHER_USD ? 'goal met' : 'goal missed';
  console.log(
    `per voucher lifecycle: ${usd(figures.perVoucherUsd)} (goal ≤ $${GOAL_PER_VOUCHER_USD}: ${goal}); ` +
      `the settlement run of all ${n} vouchers cost ${usd(figures.settlementRunUsd)}; ` +
      `the aggregator took ${figures.aggregatorRecordsPerInvocation.toFixed(1)} ledger changes per invocation`,
  );

  const months = DEMO_TOWN.campaignDays / 30.4;
  const lifecycles = DEMO_TOWN.vouchers / months;
  const variable = figures.perVoucherUsd * lifecycles;
  // Each settlement run has a part that does not shrink with its size: a town runs one a day.
  const dailyRuns = 30 * figures.settlementRunUsd;
  const storage = priceStorage(
    figures.tableBytesPerVoucher * DEMO_TOWN.vouchers,
    figures.bucketBytesPerVoucher * DEMO_TOWN.vouchers,
  );
  const rows: string[][] = [
    [
      `${Math.round(lifecycles)} voucher lives (${DEMO_TOWN.vouchers} over ${DEMO_TOWN.campaignDays} days)`,
      usd(variable),
    ],
    ['30 daily settlement runs, each priced as the measured one (upper bound)', usd(dailyRuns)],
    ...storage.map((line) => [`${line.service} storage (${count(line.quantity * 1024)} MB)`, usd(line.usd)]),
  ];
  const variableMonth = variable + dailyRuns + totalOf(storage);
  rows.push(['traffic and storage, a month', usd(variableMonth)]);
  if (typeof figures.fixed === 'string') rows.push([`fixed costs: not counted, ${figures.fixed}`, '-']);
  else {
    for (const line of figures.fixed)
      rows.push([`fixed: ${line.service} ${line.what} (${count(line.quantity)})`, usd(line.usd)]);
    rows.push(['fixed costs, a month (whatever the traffic)', usd(totalOf(figures.fixed))]);
  }
  printTable(
    `A month of the demo town (${DEMO_TOWN.vouchers} vouchers, ${DEMO_TOWN.shops} shops, campaign of ${DEMO_TOWN.campaignDays} days)`,
    ['what', '$ a month'],
    rows,
  );
  console.log(
    [
      'Not measured, and why:',
      '- the register import: the bench writes the people itself (one person item each, a register file per import);',
      '- Secrets Manager: the local target caches each secret once per process, so the handlers made no call; in AWS each',
      '  cold start of a function that needs a secret makes one GetSecretValue ($0.05 per 10,000: at most cents a month);',
      '- Lambda cold starts: the handlers stay loaded here; INIT time is billed since 2025-08, and a town at a trickle of',
      '  purchases starts cold often (a few hundred ms at 512 MB each, ~$0.000002 each);',
      '- Cognito sign-ins, CloudFront and the pages, data transfer out, custom metric-months (EMF lines count as log bytes);',
      "- Lambda time is this machine's (handlers sharing 2 cores), not an arm64 sandbox's at 512-1024 MB, which has less CPU;",
      '- log lines the target cannot see (Lambda START/END/REPORT, API access logs, Step Functions history) are estimated',
      '  per line (cost-model.ts LOG_ESTIMATES).',
    ].join('\n'),
  );
}
