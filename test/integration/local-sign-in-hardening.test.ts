/**
 * The local identity's defences: failed password sign-ins are throttled per username (429
 * TOO_MANY_REQUESTS with Retry-After, even for the right password, until the window passes), and a token
 * without `exp` is refused like a forged one. The throttle is tried on a gateway of this file's own, over
 * an identity whose clock the test moves, so that the shared target's demo users are never locked out.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { createApiServer } from '../../infra/local/gateway/api-server.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { CLAIMS } from '../../shared/auth/roles.ts';
import { api, demoUser, localTarget } from '../support/local-target.ts';

const WINDOW_MS = 15 * 60_000;
let clock = Date.parse('2026-03-02T09:00:00Z');
let server: Server;
let base: string;

beforeAll(async () => {
  const identity = await LocalIdentityProvider.open(undefined, { signInThrottle: { now: () => clock } });
  for (const username of ['clerk', 'cashier', 'accountant', 'other'])
    identity.upsertUser({ username, password: `right-${username}`, roles: ['staff'] });
  server = createApiServer({ repoRoot: REPO_ROOT, identity, allowedOrigins: [] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function signIn(username: string, password: string) {
  const response = await fetch(`${base}/auth/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function failTimes(username: string, times: number) {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect((await signIn(username, `wrong-${attempt}`)).status).toBe(401);
  }
}

describe('failed sign-ins in the local identity', () => {
  it('after 5 failures in 15 minutes, even the right password gets 429 with Retry-After until the window passes', async () => {
    await failTimes('clerk', 5);
    const locked = await signIn('clerk', 'right-clerk');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(Number(locked.retryAfter)).toBe(15 * 60);
    // Another account is not held back by this one's lock.
    expect((await signIn('other', 'right-other')).status).toBe(200);

    clock += 10 * 60_000;
    const stillLocked = await signIn('clerk', 'right-clerk');
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.retryAfter)).toBe(5 * 60);

    clock += 5 * 60_000 + 1000;
    expect((await signIn('clerk', 'right-clerk')).status).toBe(200);
  });

  it('a success in between resets nothing: guesses and a known password cannot be interleaved', async () => {
    await failTimes('cashier', 4);
    expect((await signIn('cashier', 'right-cashier')).status).toBe(200);
    await failTimes('cashier', 1);
    const locked = await signIn('cashier', 'right-cashier');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('counts failures across spellings of the username and for usernames that do not exist', async () => {
    await failTimes('accountant', 3);
    await failTimes('ACCOUNTANT', 2);
    expect((await signIn('accountant', 'right-accountant')).status).toBe(429);

    // An unknown username locks the same way, so the answers do not tell who has an account.
    await failTimes('no-such-user', 5);
    expect((await signIn('no-such-user', 'anything')).status).toBe(429);
  });

  it('old failures leave the window: 5 failures spread over more than 15 minutes lock nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn('other', `wrong-${attempt}`)).status).toBe(401);
      clock += WINDOW_MS / 4;
    }
    expect((await signIn('other', 'right-other')).status).toBe(200);
  });
});

describe('tokens without exp', () => {
  it('are refused (401) by the shared target, while the same token with exp passes', async () => {
    const { privateJwk } = JSON.parse(readFileSync(join(localTarget().identityDir, 'signing-key.json'), 'utf8')) as {
      privateJwk: JWK;
    };
    const key = await importJWK(privateJwk, 'ES256');
    const staff = demoUser('staff');
    const sign = (withExp: boolean) => {
      const token = new SignJWT({ [CLAIMS.username]: staff.username, [CLAIMS.groups]: ['staff'], token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256', kid: 'local' })
        .setSubject('no-exp-test-subject')
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_CLIENT_ID)
        .setIssuedAt();
      return (withExp ? token.setExpirationTime('5m') : token).sign(key);
    };

    const forever = await api('/me', { token: await sign(false) });
    expect(forever.status).toBe(401);
    expect(forever.body).toMatchObject({ code: 'UNAUTHENTICATED' });

    const bounded = await api('/me', { token: await sign(true) });
    expect(bounded.status).toBe(200);
    expect(bounded.body).toMatchObject({ username: staff.username, roles: ['staff'] });
  });
});
