/**
 * A Lambda bundle as CDK builds it (infra/constructs/lambda-bundling.ts), run the way Lambda runs it: a fresh
 * Node 24 process that imports the bundle and calls `handler` with an API Gateway event. The local target's
 * handlers run from the sources with fixed local credentials, so this is the one test of what is deployed:
 * that the bundle loads, and that its SDK clients sign with the keys Lambda puts in the environment and with
 * nothing else (the credential chain is replaced, see functions/runtime/lambda-credentials.ts).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes/index.ts';
import { lambdaBuildOptions } from '../../infra/constructs/lambda-bundling.ts';
import { handlerEnvironment } from '../../infra/local/resources.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { localTarget } from '../support/local-target.ts';

const run = promisify(execFile);

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'voucher-bundle-'));
  bundle = join(outDir, 'list-merchants.mjs');
  await build({
    ...lambdaBuildOptions(REPO_ROOT),
    entryPoints: [join(REPO_ROOT, ROUTES.listPublicMerchants.entry)],
    outfile: bundle,
    logLevel: 'error',
  });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The payload format 2.0 event API Gateway sends for `GET /public/merchants`. */
const EVENT = {
  version: '2.0',
  routeKey: 'GET /public/merchants',
  rawPath: '/public/merchants',
  rawQueryString: '',
  headers: { host: 'api.example.invalid', 'user-agent': 'lambda-bundle-test' },
  requestContext: {
    accountId: '000000000000',
    apiId: 'bundle',
    domainName: 'api.example.invalid',
    domainPrefix: 'api',
    http: {
      method: 'GET',
      path: '/public/merchants',
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.7',
      userAgent: 'lambda-bundle-test',
    },
    requestId: 'bundle-test',
    routeKey: 'GET /public/merchants',
    stage: '$default',
    time: '30/Nov/2026:12:00:00 +0000',
    timeEpoch: 1_796_040_000_000,
  },
  isBase64Encoded: false,
};

/** Imports the bundle in a new process with exactly `env`, calls its handler once, returns what it returned. */
async function invoke(env: Record<string, string>): Promise<{ statusCode: number; body: string }> {
  const script = `
    const { handler } = await import(${JSON.stringify(`file://${bundle}`)});
    const context = { functionName: 'listPublicMerchants', awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
    process.stdout.write(JSON.stringify(await handler(${JSON.stringify(EVENT)}, context)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env, timeout: 60_000 });
  return JSON.parse(stdout) as { statusCode: number; body: string };
}

/**
 * The environment of the function in AWS: its configuration, and no local endpoint variable, so the handler
 * builds its clients as in AWS (no fixed credentials). The SDK's own endpoint variable points DynamoDB at
 * DynamoDB Local, and every other service at a closed port: nothing can leave the machine.
 */
function lambdaEnvironment(credentials: Record<string, string>): Record<string, string> {
  const info = localTarget();
  return {
    PATH: process.env.PATH ?? '',
    HOME: outDir,
    // Empty endpoints are left out: the handler's configuration as in AWS.
    ...handlerEnvironment({ dynamodb: '', s3: '', ses: '', secrets: '' }, 'SILENT'),
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_DYNAMODB: info.endpoints.dynamodb,
    ...credentials,
  };
}

describe('a Lambda bundle, run as Lambda runs it', () => {
  it('answers from DynamoDB, signing with the keys in the environment', async () => {
    const answer = await invoke(
      lambdaEnvironment({
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        AWS_SESSION_TOKEN: 'bundle-test-session',
      }),
    );
    expect(answer.statusCode).toBe(200);
    const { items } = JSON.parse(answer.body) as { items: Array<{ merchantId: string }> };
    expect(items.filter((shop) => shop.merchantId.startsWith('demo-shop-'))).toHaveLength(30);
  });

  it('looks nowhere else for keys: a profile in ~/.aws that the whole chain would use is not read', async () => {
    // The SDK's default chain would sign with this profile, and DynamoDB Local would accept it.
    mkdirSync(join(outDir, '.aws'), { recursive: true });
    writeFileSync(
      join(outDir, '.aws', 'credentials'),
      '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = from-a-profile\n',
    );
    const answer = await invoke(lambdaEnvironment({}));
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 500 });
  });
});
