/**
 * The local target in a process of its own for the benchmarks, so the load generator and the gateway do
 * not share one event loop (as with `npm start`). Prints one JSON line with what the bench needs to
 * create its data directly (DynamoDB endpoint, code key, identity folder), then runs until killed.
 * Takes commands on stdin, one a line, each answered `ok <command>` once done: `streams pause`,
 * `streams resume`, `streams idle` (the dashboard's aggregator off, on, caught up). With `--meter` (the cost
 * bench), the counters of cost-meter.ts are on, the handlers log at the AWS stage's level (INFO) with their
 * metrics on, and `meter` is answered `meter <snapshot as JSON>` (only that command answers with data).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import type { RunningEndpoints } from '../../infra/local/resources.ts';
import { REPO_ROOT, startLocalTarget } from '../../infra/local/target.ts';
import { countHttpRequest, installCostMeter, meterSnapshot } from './cost-meter.ts';

export interface BenchTarget {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly endpoints: RunningEndpoints;
  readonly tableName: string;
  readonly identityDir: string;
  readonly codeKeyBase64: string;
}

const identityDir = mkdtempSync(join(tmpdir(), 'voucher-bench-identity-'));
const metered = process.argv.includes('--meter');
const println = metered ? installCostMeter(REPO_ROOT).println : (line: string) => console.log(line);
// Unthrottled unless asked (`--throttle`): most sections time the handlers at loads above the routes' limits.
const target = await startLocalTarget({
  identityDir,
  throttle: process.argv.includes('--throttle'),
  ...(metered ? { logLevel: 'INFO', onRequest: (line) => countHttpRequest(line.operationId) } : {}),
});
// What the stage logs in AWS: the EMF metrics lines are log bytes too (the handlers read this at cold start).
if (metered) process.env.POWERTOOLS_METRICS_DISABLED = 'false';
const info: BenchTarget = {
  apiUrl: target.apiUrl,
  webUrl: target.webUrl,
  endpoints: target.endpoints,
  tableName: target.tableName,
  identityDir,
  codeKeyBase64: (await voucherCodeKey()).toString('base64'),
};
println(JSON.stringify(info));
const commands: Record<string, () => Promise<void> | void> = {
  'streams pause': () => target.streams?.pause(),
  'streams resume': () => target.streams?.resume(),
  'streams idle': () => target.streamsIdle(),
};
createInterface({ input: process.stdin }).on('line', (line) => {
  if (metered && line.trim() === 'meter') return println(`meter ${JSON.stringify(meterSnapshot())}`);
  const command = commands[line.trim()];
  if (!command) return println(`unknown ${line.trim()}`);
  void Promise.resolve(command()).then(() => println(`ok ${line.trim()}`));
});
const stop = () => void target.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
