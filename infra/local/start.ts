/**
 * `npm start`: runs the whole platform locally on real local implementations of the AWS services,
 * seeds the demo town on first start, writes .data/endpoints.json and prints where to open everything.
 *   npm start                keep the data of the previous run
 *   npm start -- --reset     start from a clean .data folder
 *   npm start -- --verbose   handler logs (INFO) and an access log line per request
 *   npm start -- --data DIR  keep the data somewhere else than .data (the benchmarks use a temp folder)
 *   npm start -- --unthrottled  no per-route request limits (the benchmarks that time handlers)
 * Ctrl-C stops every service it started.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import { formatEuros } from '../../shared/money/money.ts';
import { writeEndpointsFile } from './endpoints-file.ts';
import { DEMO_TOWN_NAME, seedDemoTown } from './seed/demo-town.ts';
import { issueDemoVouchers } from './seed/demo-vouchers.ts';
import { checkJava, JavaMissingError } from './services/dynamodb.ts';

const { values: flags } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    data: { type: 'string' },
    unthrottled: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const startedAt = performance.now();
  try {
    checkJava();
  } catch (error) {
    if (error instanceof JavaMissingError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  // Loaded once Java is known to be there: the target brings the CDK (it renders the state machines).
  const { REPO_ROOT, startLocalTarget } = await import('./target.ts');
  const dataDir = flags.data ? resolve(flags.data) : join(REPO_ROOT, '.data');
  if (flags.reset && existsSync(dataDir)) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`Removed ${dataDir}: starting from a clean slate.`);
  }
  const firstStart = !existsSync(join(dataDir, 'dynamodb'));

  const target = await startLocalTarget({
    dataDir,
    preferredPorts: { api: 4000, web: 4001, mail: 4002 },
    logLevel: flags.verbose ? 'INFO' : 'WARN',
    throttle: !flags.unthrottled,
    ...(flags.verbose
      ? { onRequest: (r) => console.log(`[api] ${r.method} ${r.route} -> ${r.status} (${r.ms} ms, ${r.operationId})`) }
      : {}),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local services...`);
    await target.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const table = { doc, tableName: target.tableName };
  const town = await seedDemoTown(table, target.identity, new Date());
  const demoVoucherCodes = await issueDemoVouchers(table, await voucherCodeKey(), town.campaignId, 5);
  doc.destroy();

  const endpointsPath = join(dataDir, 'endpoints.json');
  writeEndpointsFile(endpointsPath, {
    apiUrl: target.apiUrl,
    webUrl: target.webUrl,
    mailUrl: target.mailUrl,
    users: town.users.map(({ role, username, password, merchantId, totpSecret }) => ({
      role,
      username,
      password,
      ...(merchantId ? { merchantId } : {}),
      ...(totpSecret ? { totpSecret } : {}),
    })),
    campaignId: town.campaignId,
    demoVoucherCodes,
  });

  const health = await fetch(`${target.apiUrl}/health`);
  if (!health.ok) throw new Error(`GET /health answered ${health.status}`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

  console.log(`
Voucher platform: ${DEMO_TOWN_NAME}, running locally (${firstStart ? 'new demo data' : 'data kept from the last run'}; ready in ${seconds} s)

  Public shop list   ${target.webUrl}/
  Merchant scanner   ${target.webUrl}/scanner/
  Staff admin page   ${target.webUrl}/admin/   (sign in as admin, agent (staff) or finance below)
  API                ${target.apiUrl}   (OpenAPI: ${target.apiUrl}/openapi.json)
  Mail viewer        ${target.mailUrl}/   (settlement reports, remittance advices, reminders)
  Settlement         daily at 02:00 Brussels while this runs, or now: POST ${target.apiUrl}/settlement-runs as finance

  Demo campaign      ${town.campaignId}: ${formatEuros(10_000)} per voucher
  Fresh demo vouchers ${demoVoucherCodes.join('  ')}
  Demo users (username / password):
${town.users.map((u) => `    ${u.role.padEnd(9)} ${u.username} / ${u.password}${u.merchantId ? `   (shop ${u.merchantId})` : ''}${u.totpSecret ? `   (authenticator app secret ${u.totpSecret})` : ''}`).join('\n')}

  Everything is in ${relative(process.cwd(), endpointsPath) || endpointsPath}. Ctrl-C stops all services; \`npm start -- --reset\` starts clean.
`);
}

main().catch((error: unknown) => {
  console.error('The local platform could not start:', error);
  process.exit(1);
});
