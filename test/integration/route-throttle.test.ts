/**
 * Each route has a request budget of its own in the local gateway, as in the AWS stage: a flood of anonymous
 * requests is answered 429 TOO_MANY_REQUESTS while shops' redemptions at the same time all go through.
 * The gateway is one of this file's own, over the shared local services, with the limits on (the shared
 * target runs without them, so that test files running side by side never spend each other's budget).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_LIMITS } from '../../functions/routes/throttle.ts';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { createApiServer } from '../../infra/local/gateway/api-server.ts';
import { waitUntil } from '../../infra/local/ports.ts';
import { handlerEnvironment } from '../../infra/local/resources.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { createTestCampaign, createTestShop, idempotencyKey, issueTestVoucher } from '../support/ledger-fixtures.ts';
import { localTarget } from '../support/local-target.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const info = localTarget();
  // The handlers run in this process, against the shared local services, as they do in the shared target's.
  Object.assign(process.env, handlerEnvironment(info.endpoints, 'WARN', info.webUrl));
  server = createApiServer({
    repoRoot: REPO_ROOT,
    identity: await LocalIdentityProvider.open(info.identityDir),
    allowedOrigins: [],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

describe('per-route limits in the local gateway', () => {
  it('answers a flood of anonymous requests 429 while redemptions at the same time succeed', async () => {
    const campaign = await createTestCampaign();
    const shop = await createTestShop({ campaigns: [campaign] });
    const vouchers = await Promise.all(Array.from({ length: 16 }, () => issueTestVoucher(campaign)));
    // Warm the handlers first, so the flood and the redemptions meet in the same second.
    expect((await call('/public/merchants')).status).toBe(200);

    // Three times the public routes' burst on the shop list, and the OpenAPI document, all at once...
    const flood = [
      ...Array.from({ length: 3 * THROTTLE_LIMITS.public.burstLimit }, () => call('/public/merchants')),
      ...Array.from({ length: 3 * THROTTLE_LIMITS.meta.burstLimit }, () => call('/openapi.json')),
    ];
    // ...and sixteen tills redeeming in the middle of it.
    const redemptions = vouchers.map((voucher) =>
      call('/merchant/redemptions', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${shop.token}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey(),
        },
        body: JSON.stringify({ code: voucher.code, amountCents: 500 }),
      }),
    );
    const [flooded, redeemed] = await Promise.all([Promise.all(flood), Promise.all(redemptions)]);

    for (const answer of redeemed) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const refused = flooded.filter((answer) => answer.status === 429);
    // At least the requests beyond the burst and what the rate refilled while the flood lasted.
    expect(refused.length).toBeGreaterThanOrEqual(THROTTLE_LIMITS.public.burstLimit);
    for (const answer of refused) {
      expect(answer.contentType).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    }
    expect(flooded.filter((answer) => answer.status !== 429).every((answer) => answer.status === 200)).toBe(true);
    // Both anonymous routes were capped, each on its own budget.
    expect(flooded.slice(3 * THROTTLE_LIMITS.public.burstLimit).some((answer) => answer.status === 429)).toBe(true);

    // The bucket refills at the route's rate: the shop list answers again shortly.
    await waitUntil(
      'GET /public/merchants to answer again',
      async () => (await call('/public/merchants')).status === 200,
      10_000,
    );
  });
});
