/**
 * Redemption speed: POST /merchant/redemptions through the local gateway at concurrency 1, 8 and 32 over
 * many vouchers, beside the raw DynamoDB Local TransactWriteItems of the same shape and the floor of an exact
 * balance-after (one BatchGetItem of what the decision needs, then that transaction; our overhead is the
 * ratio to it), and the hot-voucher case: 64 simultaneous attempts on one voucher.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createIdempotencyStore } from '../../shared/data/idempotency-store.ts';
import {
  campaignKeys,
  enrolmentKeys,
  idempotencyKeys,
  type Key,
  lookupMissKeys,
  merchantKeys,
  voucherKeys,
} from '../../shared/data/keys.ts';
import { createLedgerStore } from '../../shared/data/ledger-store.ts';
import { MISS_WINDOW_SECONDS } from '../../shared/data/lookup-misses.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { batchGetAll, type TableContext } from '../../shared/data/table.ts';
import { transactWrite } from '../../shared/data/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { SYSTEM_ACTOR } from '../../shared/ledger/audit-event.ts';
import { createRedemptionService, type RedemptionService } from '../../shared/services/redemption-service.ts';
import { createVoucherService } from '../../shared/services/voucher-service.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import type { Voucher } from '../../shared/vouchers/voucher.ts';
import { redeemThroughGateway } from './bench-http.ts';
import type { RunningBenchTarget } from './bench-target.ts';
import { loadTest, summarise } from './stats.ts';
import type { BenchTarget } from './target-process.ts';

export interface LatencyRow {
  readonly path:
    | 'gateway'
    | 'use case, in the bench process'
    | 'raw TransactWriteItems'
    | 'floor BatchGetItem + TransactWriteItems';
  readonly concurrency: number;
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly throughput: number;
  readonly errors: number;
}

export interface HotVoucherFigures {
  readonly attempts: number;
  readonly accepted: number;
  readonly refusedInsufficient: number;
  readonly busy: number;
  readonly retries: number;
  readonly wallMs: number;
  /** Where the tills' time went: every request they sent to DynamoDB Local, by kind and outcome. */
  readonly requests: readonly RequestTally[];
  /** The tills' time added up (each till from its start to its answer), to set the requests' time against. */
  readonly tillMs: number;
  /** When the last till's first write was answered (committed or refused): the first round, all at once. */
  readonly firstRoundMs: number;
  /**
   * When the last sale committed: the balance was then spent. The time from there to the wall time is tills
   * that were pausing when it ran out, waking to read that it did.
   */
  readonly lastSaleMs: number;
  /** The same 64 tills at once on 64 vouchers of their own: the burst with no contention. */
  readonly spreadMs: number;
}

/** The hot voucher, burst after burst: see hotVoucherRuns. */
export interface HotVoucherRuns {
  /** The first bursts, while DynamoDB Local warms up: shown, not counted. */
  readonly warmUp: readonly HotVoucherFigures[];
  readonly runs: readonly HotVoucherFigures[];
}

export interface RequestTally {
  readonly kind: string;
  count: number;
  totalMs: number;
}

const SHOPS = 16;
/** Requests of each path sent, one at a time, before the latency rounds, and not counted. */
const WARM_UP_REQUESTS = 50;

/** A campaign, its shops (with merchant tokens) and `voucherCount` issued vouchers, with their codes. */
export async function setUpRedemptions(target: BenchTarget, voucherCount: number) {
  const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const table: TableContext = { doc, tableName: target.tableName };
  const codeKey = Buffer.from(target.codeKeyBase64, 'base64');
  const today = brusselsDateOf(new Date());
  const campaign: Campaign = {
    campaignId: `bench-${randomUUID().slice(0, 8)}`,
    name: 'Benchmark',
    faceValueCents: 10_000,
    budgetCents: 1_000_000_000,
    startDate: addDays(today, -1),
    endDate: addDays(today, 30),
    referenceDate: today,
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
  };
  await createCampaignStore(table).create(campaign);
  const merchants = createMerchantStore(table);
  const identity = await LocalIdentityProvider.open(target.identityDir);
  const shops: Array<{ merchantId: string; token: string }> = [];
  for (let index = 0; index < SHOPS; index += 1) {
    const merchantId = `${campaign.campaignId}-shop-${index}`;
    await merchants.create({
      merchantId,
      name: `Bench shop ${index}`,
      category: 'other',
      address: { street: 'Rue du Banc', number: String(index + 1), postcode: '7300', locality: 'Boussu' },
      iban: 'BE68539007547034',
      email: `${merchantId}@bench.invalid`,
      status: 'ACTIVE',
      createdAt: campaign.createdAt,
    });
    await merchants.enrol(merchantId, campaign, campaign.createdAt);
    const token = (await identity.mint({ sub: randomUUID(), username: merchantId, roles: ['merchant'], merchantId }))
      .accessToken;
    shops.push({ merchantId, token });
  }
  const issuer = createVoucherService({ table, codeKey, now: () => new Date() });
  const vouchers: Array<{ voucherId: string; code: string; balance: number }> = [];
  await loadTest(voucherCount, 8, async () => {
    const issued = await issuer.issue({
      campaign,
      beneficiaryRef: randomUUID(),
      householdRef: randomUUID(),
      actor: SYSTEM_ACTOR,
      requestId: 'bench',
    });
    if (issued.outcome !== 'ISSUED') throw new Error(issued.outcome);
    vouchers.push({ voucherId: issued.voucher.voucherId, code: issued.code, balance: issued.voucher.balanceCents });
  });
  return { table, codeKey, campaign, shops, vouchers };
}

export async function benchRedemption(
  target: RunningBenchTarget,
): Promise<{ rows: LatencyRow[]; hot: HotVoucherRuns }> {
  const plan = [
    // Concurrency 1 takes the most requests: its p50 is the one most moved by the shared machine's noise.
    [1, 600],
    [8, 600],
    [32, 1200],
  ] as const;
  const { table, codeKey, campaign, shops, vouchers } = await setUpRedemptions(target, 400);
  const rows: LatencyRow[] = [];
  let cursor = 0;
  const nextVoucher = () => {
    const voucher = vouchers[cursor % vouchers.length];
    cursor += 1;
    if (!voucher) throw new Error('no vouchers');
    return voucher;
  };

  const useCase = createRedemptionService({ table, codeKey, now: () => new Date() });

  type Path = LatencyRow['path'];
  type Shop = (typeof shops)[number];
  type BenchVoucher = (typeof vouchers)[number];
  /**
   * One request of a path: the next voucher, from a shop taken in turn; true when it was accepted, and then
   * the voucher's tracked balance (which the raw path pins its write to) is one cent lower.
   */
  const request =
    (send: (shop: Shop, voucher: BenchVoucher) => Promise<boolean>) =>
    async (index: number): Promise<boolean> => {
      const shop = shops[index % shops.length];
      const voucher = nextVoucher();
      if (!shop || !(await send(shop, voucher))) return false;
      voucher.balance -= 1;
      return true;
    };
  const paths: Record<Path, (index: number) => Promise<boolean>> = {
    // Through the gateway: JWT check, handler framework, reads, decision, transaction.
    gateway: request(
      async (shop, voucher) =>
        (await redeemThroughGateway(target.apiUrl, shop.token, { code: voucher.code, amountCents: 1 })) === 201,
    ),
    // The use case alone (reads, decision, transaction), without the gateway, its token check, HTTP and the
    // handler framework: what sits between the gateway's figure and the floor's.
    'use case, in the bench process': request((shop, voucher) =>
      redeemInProcess(useCase, shop.merchantId, voucher.code, 1).then(
        () => true,
        () => false,
      ),
    ),
    // The same transaction shape, written straight to DynamoDB Local with a balance known in advance.
    'raw TransactWriteItems': request(
      async (shop, voucher) =>
        (await transactWrite(table, rawRedemptionItems(table, campaign, shop.merchantId, voucher))).committed,
    ),
    // The floor of an exact balance-after: one read of everything the decision needs, then the write.
    'floor BatchGetItem + TransactWriteItems': request(async (shop, voucher) => {
      const read = await batchGetAll(table, redemptionReadKeys(campaign, shop.merchantId, voucher.voucherId));
      const stored = read.find((item) => item.pk === voucherKeys.item(voucher.voucherId).pk);
      const balance = Number(stored?.balanceCents);
      const outcome = await transactWrite(
        table,
        rawRedemptionItems(table, campaign, shop.merchantId, { voucherId: voucher.voucherId, balance }),
      );
      // The balance it read is the one to track from.
      if (outcome.committed) voucher.balance = balance;
      return outcome.committed;
    }),
  };

  // The dashboard's aggregator sits out the latency rounds. Locally it runs in the process that hosts the
  // gateway and the handlers, so its work on every path's stream records lands on the gateway path alone
  // (p50 1.17x at c=1 and 1.26x at c=8, running vs paused); in AWS it is a Lambda of its own, and the `admin`
  // section measures what it costs a redemption. It catches up before the hot voucher.
  await target.command('streams pause');

  // Every path once through before any is timed: the handler's cold start (`bundles` measures it) and
  // DynamoDB Local's JIT meeting this shape of request would otherwise land on whichever path goes first.
  for (const run of Object.values(paths)) for (let index = 0; index < WARM_UP_REQUESTS; index += 1) await run(index);

  // The machine is shared and its load drifts: the paths take turns in short rounds, so that each ratio
  // compares figures taken over the same minutes.
  const ROUNDS = 5;
  for (const [concurrency, requests] of plan) {
    const figures = new Map<Path, { samples: number[]; wallMs: number; errors: number }>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [path, run] of Object.entries(paths) as Array<[Path, (index: number) => Promise<boolean>]>) {
        const sum = figures.get(path) ?? { samples: [], wallMs: 0, errors: 0 };
        const share = await loadTest(Math.ceil(requests / ROUNDS), concurrency, async (index) => {
          if (!(await run(index))) sum.errors += 1;
        });
        sum.samples.push(...share.samples);
        sum.wallMs += share.wallMs;
        figures.set(path, sum);
      }
    }
    for (const [path, sum] of figures) {
      rows.push({
        path,
        concurrency,
        requests: sum.samples.length,
        ...summarise(sum.samples),
        throughput: (sum.samples.length / sum.wallMs) * 1000,
        errors: sum.errors,
      });
    }
  }

  await target.command('streams resume');
  const hot = await hotVoucherRuns(target, table, codeKey, campaign, shops);
  table.doc.destroy();
  return { rows, hot };
}

/** The hot-voucher case alone (`npm run bench -- hot`). */
export async function benchHotVoucher(target: RunningBenchTarget): Promise<HotVoucherRuns> {
  const { table, codeKey, campaign, shops } = await setUpRedemptions(target, 0);
  try {
    return await hotVoucherRuns(target, table, codeKey, campaign, shops);
  } finally {
    table.doc.destroy();
  }
}

/** Bursts sent before the measured ones, and not counted. */
const HOT_WARM_UP_BURSTS = 3;
/** Measured bursts. */
const HOT_RUNS = 3;

/**
 * The hot voucher HOT_RUNS times after HOT_WARM_UP_BURSTS, each on a voucher of its own and once the
 * dashboard's aggregator has caught up. What it measures is contention on one item, so it keeps out two
 * things of the local machine. One is DynamoDB Local's JIT: on a fresh target each of the first bursts is
 * faster than the one before (the same burst without contention took 1.9, 0.8, 0.8 then 0.7 s; 0.4 to 0.5 s
 * after the redemption section's latency runs), and the first took 4.9 to 5.4 s. The other is the
 * aggregator's backlog from the section before, sharing the two cores (4.1 to 4.9 s; in AWS the aggregator
 * is a Lambda of its own).
 */
async function hotVoucherRuns(
  target: RunningBenchTarget,
  table: TableContext,
  codeKey: Buffer,
  campaign: Campaign,
  shops: ReadonlyArray<{ merchantId: string }>,
): Promise<HotVoucherRuns> {
  const bursts = async (count: number) => {
    const figures: HotVoucherFigures[] = [];
    for (let burst = 0; burst < count; burst += 1) {
      await target.command('streams idle');
      figures.push(await hotVoucher(table, codeKey, campaign, shops));
    }
    return figures;
  };
  const warmUp = await bursts(HOT_WARM_UP_BURSTS);
  return { warmUp, runs: await bursts(HOT_RUNS) };
}

/** A shop's redemption through the use case itself, as its handler calls it, under a new Idempotency-Key. */
function redeemInProcess(service: RedemptionService, merchantId: string, code: string, amountCents: number) {
  return service.redeem(
    {
      principal: { userId: randomUUID(), username: merchantId, roles: ['merchant'], merchantId },
      actor: { userId: merchantId, username: merchantId, role: 'merchant' },
      idempotencyKey: randomUUID(),
      requestId: 'bench',
    },
    { code, amountCents },
  );
}

/**
 * `table` with every request counted by kind and outcome: a transaction committed, refused by a condition
 * (which part) or by contention.
 */
function tallied(
  table: TableContext,
  /** Called as each TransactWriteItems is answered, committed or refused. */
  onTransaction: (committed: boolean) => void = () => undefined,
): { table: TableContext; tallies: Map<string, RequestTally> } {
  const tallies = new Map<string, RequestTally>();
  const count = (kind: string, ms: number) => {
    const tally = tallies.get(kind) ?? { kind, count: 0, totalMs: 0 };
    tally.count += 1;
    tally.totalMs += ms;
    tallies.set(kind, tally);
  };
  const send = table.doc.send.bind(table.doc) as (command: unknown) => Promise<unknown>;
  const doc = Object.create(table.doc, {
    send: {
      value: async (command: { constructor: { name: string } }) => {
        const kind = command.constructor.name.replace(/Command$/, '');
        const started = performance.now();
        let committed = false;
        try {
          const output = await send(command);
          committed = true;
          count(kind === 'TransactWrite' ? 'TransactWrite committed' : kind, performance.now() - started);
          return output;
        } catch (error) {
          const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
          const codes = [...new Set(reasons.map((reason) => reason.Code).filter((code) => code && code !== 'None'))];
          count(`${kind} refused (${codes.join(', ') || (error as Error).name})`, performance.now() - started);
          throw error;
        } finally {
          if (kind === 'TransactWrite') onTransaction(committed);
        }
      },
    },
  }) as TableContext['doc'];
  return { table: { ...table, doc }, tallies };
}

/**
 * What a redemption has to read before it can write an exact balance-after: the request's idempotency record,
 * the voucher, the shop's two look-up miss windows, the shop, its enrolment and the campaign.
 */
export function redemptionReadKeys(campaign: Campaign, merchantId: string, voucherId: string): Key[] {
  const window = Math.floor(Date.now() / 1000 / MISS_WINDOW_SECONDS) * MISS_WINDOW_SECONDS;
  return [
    idempotencyKeys.item('bench', randomUUID()),
    voucherKeys.item(voucherId),
    lookupMissKeys.item(merchantId, window),
    lookupMissKeys.item(merchantId, window - MISS_WINDOW_SECONDS),
    merchantKeys.item(merchantId),
    enrolmentKeys.item(merchantId, campaign.campaignId),
    campaignKeys.item(campaign.campaignId),
  ];
}

/** The very items the redemption use case writes (ledger-store's redeemItems), for one cent. */
export function rawRedemptionItems(
  table: TableContext,
  campaign: Campaign,
  merchantId: string,
  voucher: { voucherId: string; balance: number },
) {
  const at = new Date();
  const today = brusselsDateOf(at);
  const redemptionId = newId('R');
  const stored: Voucher = {
    voucherId: voucher.voucherId,
    campaignId: campaign.campaignId,
    beneficiaryRef: 'bench',
    householdRef: 'bench',
    faceValueCents: campaign.faceValueCents,
    balanceCents: voucher.balance,
    status: 'ACTIVE',
    issuedAt: at.toISOString(),
  };
  return createLedgerStore(table).redeemParts({
    voucher: stored,
    today,
    redemption: {
      redemptionId,
      voucherId: voucher.voucherId,
      campaignId: campaign.campaignId,
      merchantId,
      amountCents: 1,
      balanceAfterCents: voucher.balance - 1,
      createdAt: at.toISOString(),
      businessDate: today,
      status: 'ACTIVE',
    },
    audit: [
      {
        eventId: newId('E'),
        at: at.toISOString(),
        action: 'REDEEM',
        actor: SYSTEM_ACTOR,
        entityType: 'voucher',
        entityId: voucher.voucherId,
        requestId: 'bench',
        amountCents: 1,
        balanceBeforeCents: voucher.balance,
        balanceAfterCents: voucher.balance - 1,
      },
    ],
    idempotencyRecord: createIdempotencyStore(table).recordItem(
      { userId: 'bench', key: randomUUID(), requestHash: 'bench' },
      { statusCode: 201, body: {} },
      at,
    ),
  });
}

/**
 * 64 tills redeem 3 € each from one 100 € voucher at the same instant, through the use case itself; and, first,
 * the same 64 tills on 64 vouchers of their own, the time the same burst takes with no contention at all.
 */
async function hotVoucher(
  table: TableContext,
  codeKey: Buffer,
  campaign: Campaign,
  shops: ReadonlyArray<{ merchantId: string }>,
): Promise<HotVoucherFigures> {
  const attempts = 64;
  const issuer = createVoucherService({ table, codeKey, now: () => new Date() });
  const issueOne = async () => {
    const issued = await issuer.issue({
      campaign,
      beneficiaryRef: randomUUID(),
      householdRef: randomUUID(),
      actor: SYSTEM_ACTOR,
      requestId: 'bench-hot',
    });
    if (issued.outcome !== 'ISSUED') throw new Error(issued.outcome);
    return issued.code;
  };
  // A till's request, each with a key of its own; each service starts cold, as a burst of new Lambdas does.
  const redeemAt = (service: RedemptionService, index: number, code: string) =>
    redeemInProcess(service, shops[index % shops.length]?.merchantId ?? '', code, 300);

  const ownCodes: string[] = [];
  for (let index = 0; index < attempts; index += 1) ownCodes.push(await issueOne());
  const spreadService = createRedemptionService({ table, codeKey, now: () => new Date() });
  const spreadStarted = performance.now();
  await Promise.all(ownCodes.map((code, index) => redeemAt(spreadService, index, code)));
  const spreadMs = performance.now() - spreadStarted;

  let retries = 0;
  // Which till sends a request, so that the first round can be timed: when every till's first write is answered.
  const tillOf = new AsyncLocalStorage<number>();
  const firstWriteAnswered = new Map<number, number>();
  let lastSale = Number.NaN;
  const counted = tallied(table, (committed) => {
    if (committed) lastSale = performance.now();
    const till = tillOf.getStore();
    if (till !== undefined && !firstWriteAnswered.has(till)) firstWriteAnswered.set(till, performance.now());
  });
  const service = createRedemptionService({
    table: counted.table,
    codeKey,
    now: () => new Date(),
    metric: (name, value = 1) => {
      if (name === 'TransactionConflicts') retries += value;
    },
  });
  const code = await issueOne();
  let tillMs = 0;
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, async (_, index) => {
      const tillStarted = performance.now();
      try {
        return await tillOf.run(index, () => redeemAt(service, index, code));
      } finally {
        tillMs += performance.now() - tillStarted;
      }
    }),
  );
  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' ? String((result.reason as { code?: string }).code) : 'OK';
  return {
    attempts,
    accepted: results.filter((r) => codeOf(r) === 'OK').length,
    refusedInsufficient: results.filter((r) => codeOf(r) === 'INSUFFICIENT_BALANCE').length,
    busy: results.filter((r) => codeOf(r) === 'CONFLICT').length,
    retries,
    wallMs: performance.now() - started,
    requests: [...counted.tallies.values()].sort((a, b) => b.totalMs - a.totalMs),
    tillMs,
    firstRoundMs: Math.max(...firstWriteAnswered.values()) - started,
    lastSaleMs: lastSale - started,
    spreadMs,
  };
}
