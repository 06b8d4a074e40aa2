/**
 * Shops under abuse: tills redeeming through the local gateway with its per-route limits on (as `npm start`
 * and the AWS stage have them), alone, then beside 200 req/s of anonymous requests (GET /public/vouchers/{random
 * code} from many client addresses, GET /openapi.json), then alone again. Redemptions should keep their p50 and
 * never fail; the flood should be mostly answered 429 by the gateway.
 */
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { THROTTLE_LIMITS } from '../../functions/routes/throttle.ts';
import { codeFromRandomBytes, formatCode } from '../../shared/vouchers/voucher-code.ts';
import { redeemThroughGateway, send } from './bench-http.ts';
import { startBenchTarget } from './bench-target.ts';
import { setUpRedemptions } from './redemption.ts';
import { ms, printTable, summarise } from './stats.ts';

/**
 * Tills redeeming one after another, each pausing between sales: a closed loop, so a slow machine shows as
 * latency rather than as a queue that the bench itself builds up. Far under the shop routes' limit.
 */
const TILLS = 4;
const TILL_PAUSE_MS = 100;
const FLOOD_PER_SECOND = 200;
const PHASE_SECONDS = 20;
/** The flood's clients: that many loopback addresses (kept-alive connections each), too many to block one by one. */
const FLOOD_ADDRESSES = Array.from(
  { length: 64 },
  () =>
    `127.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`,
);
const floodAgent = new Agent({ keepAlive: true });

export interface AbusePhase {
  readonly phase: string;
  readonly redemptions: number;
  readonly p50: number;
  readonly p99: number;
  /** Redemptions not answered 201, by status (0: no answer). */
  readonly redemptionErrors: Readonly<Record<string, number>>;
  readonly flood: FloodCounts | undefined;
  /** The machine's 1-minute load average at the end of the phase. */
  readonly load: number;
}

export interface FloodCounts {
  sent: number;
  /** Refused by the gateway: the route's budget was spent. */
  throttled: number;
  /** Let through and answered by the handler (200, 404 unknown code, 429 TOO_MANY_ATTEMPTS per address...). */
  answered: number;
  /** No answer at all (connection refused or reset). */
  failed: number;
}

/** Calls `fire` `perSecond` times a second for `seconds`, whatever the answers take (an open loop). */
async function paced(perSecond: number, seconds: number, fire: (index: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  const total = perSecond * seconds;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
    for (; sent < due; sent += 1) inFlight.push(fire(sent));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
}

/** Runs `count` loops of `task` then `pauseMs`, until `seconds` are over. */
async function tills(count: number, pauseMs: number, seconds: number, task: () => Promise<void>): Promise<void> {
  const end = performance.now() + seconds * 1000;
  const till = async () => {
    while (performance.now() < end) {
      await task();
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  await Promise.all(Array.from({ length: count }, till));
}

/** One anonymous GET from one of the flood's client addresses: its status and problem code, or nothing. */
async function anonymousGet(
  apiUrl: string,
  path: string,
  index: number,
): Promise<{ status: number; code?: string } | undefined> {
  const response = await send(`${apiUrl}${path}`, {
    agent: floodAgent,
    localAddress: FLOOD_ADDRESSES[index % FLOOD_ADDRESSES.length],
  }).catch(() => undefined);
  if (!response) return undefined;
  let code: string | undefined;
  try {
    code = (JSON.parse(response.body.toString('utf8')) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: response.status, ...(code ? { code } : {}) };
}

export async function benchAbuse(): Promise<AbusePhase[]> {
  const target = await startBenchTarget({ throttle: true });
  try {
    const { table, shops, vouchers } = await setUpRedemptions(target, 200);
    table.doc.destroy();
    let next = 0;
    const redeem = async (): Promise<{ ms: number; status: number }> => {
      const index = next;
      next += 1;
      const shop = shops[index % shops.length];
      const voucher = vouchers[index % vouchers.length];
      const t0 = performance.now();
      const status = await redeemThroughGateway(target.apiUrl, shop?.token ?? '', {
        code: voucher?.code ?? '',
        amountCents: 1,
      }).catch(() => 0);
      return { ms: performance.now() - t0, status };
    };
    // Warm the handlers (and the JIT) the same way, unmeasured.
    await tills(TILLS, TILL_PAUSE_MS, 5, async () => void (await redeem()));
    // The dashboard's aggregator has the seed and the warm-up to catch up on: not a cost of the first phase.
    await target.command('streams idle');

    const phases: AbusePhase[] = [];
    for (const [phase, flooded] of [
      ['alone', false],
      [`with ${FLOOD_PER_SECOND} req/s anonymous`, true],
      ['alone again', false],
    ] as const) {
      const samples: number[] = [];
      const errors: Record<string, number> = {};
      const flood: FloodCounts = { sent: 0, throttled: 0, answered: 0, failed: 0 };
      const redemptions = tills(TILLS, TILL_PAUSE_MS, PHASE_SECONDS, async () => {
        const { ms: took, status } = await redeem();
        if (status === 201) samples.push(took);
        else errors[status] = (errors[status] ?? 0) + 1;
      });
      const anonymous = flooded
        ? paced(FLOOD_PER_SECOND, PHASE_SECONDS, async (index) => {
            flood.sent += 1;
            const path =
              index % 2 === 0
                ? `/public/vouchers/${encodeURIComponent(formatCode(codeFromRandomBytes(crypto.getRandomValues(new Uint8Array(10)))))}`
                : '/openapi.json';
            const answer = await anonymousGet(target.apiUrl, path, index);
            if (!answer) flood.failed += 1;
            else if (answer.status === 429 && answer.code === 'TOO_MANY_REQUESTS') flood.throttled += 1;
            else flood.answered += 1;
          })
        : Promise.resolve();
      await Promise.all([redemptions, anonymous]);
      phases.push({
        phase,
        redemptions: samples.length + Object.values(errors).reduce((sum, count) => sum + count, 0),
        ...summarise(samples),
        redemptionErrors: errors,
        flood: flooded ? flood : undefined,
        load: loadavg()[0] ?? Number.NaN,
      });
    }
    return phases;
  } finally {
    floodAgent.destroy();
    await target.stop();
  }
}

export function printAbuse(phases: readonly AbusePhase[]): void {
  const baseline = phases[0]?.p50 ?? Number.NaN;
  const { public: anonymous, meta, shop } = THROTTLE_LIMITS;
  printTable(
    `POST /merchant/redemptions from ${TILLS} tills (a sale, ${TILL_PAUSE_MS} ms pause, the next) for ${PHASE_SECONDS} s a phase, through the local gateway with the AWS stage's per-route limits (shops ${shop.rateLimit}/s burst ${shop.burstLimit}; anonymous ${anonymous.rateLimit}/s burst ${anonymous.burstLimit}; /openapi.json ${meta.rateLimit}/s burst ${meta.burstLimit}); the flood: half GET /public/vouchers/{random code}, half GET /openapi.json, from ${FLOOD_ADDRESSES.length} loopback addresses`,
    [
      'phase',
      'redemptions',
      'failed',
      'p50',
      'p99',
      'p50 / alone',
      'anonymous sent',
      '429 by the gateway',
      'answered by handlers',
      'no answer',
      'load (1 min)',
    ],
    phases.map((row) => [
      row.phase,
      String(row.redemptions),
      Object.entries(row.redemptionErrors)
        .map(([status, count]) => `${count} (${status})`)
        .join(', ') || '0',
      ms(row.p50),
      ms(row.p99),
      `${(row.p50 / baseline).toFixed(2)}x`,
      row.flood ? String(row.flood.sent) : '-',
      row.flood ? String(row.flood.throttled) : '-',
      row.flood ? String(row.flood.answered) : '-',
      row.flood ? String(row.flood.failed) : '-',
      row.load.toFixed(1),
    ]),
  );
}
