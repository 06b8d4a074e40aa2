/**
 * The local gateway's access log names the route, never the request's path: voucher codes travel in paths
 * (GET /public/vouchers/{code}, the scanner's look-up), and a logged code is money anyone reading could spend.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { createApiServer } from '../../infra/local/gateway/api-server.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';

const CODE = '7KQ4M2XD9PFA3HCWR';
const lines: Array<Record<string, unknown>> = [];
let server: ReturnType<typeof createApiServer>;
let base: string;

beforeAll(async () => {
  server = createApiServer({
    repoRoot: REPO_ROOT,
    identity: await LocalIdentityProvider.open(undefined),
    allowedOrigins: [],
    onRequest: (line) => lines.push(line),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the local access log', () => {
  it('records the route template of a code-bearing route, not the code', async () => {
    // Refused by the gateway itself (no token): logged all the same.
    const answer = await fetch(`${base}/merchant/vouchers/${CODE}`);
    expect(answer.status).toBe(401);
    const line = lines.at(-1);
    expect(line).toMatchObject({ method: 'GET', route: '/merchant/vouchers/{code}', status: 401 });
    expect(JSON.stringify(line)).not.toContain(CODE);
  });

  it('records a path that matches no route as $default, as API Gateway does', async () => {
    const answer = await fetch(`${base}/public/voucher/${CODE}`);
    expect(answer.status).toBe(404);
    const line = lines.at(-1);
    expect(line).toMatchObject({ route: '$default', status: 404, operationId: 'routeNotFound' });
    expect(JSON.stringify(line)).not.toContain(CODE);
  });
});
