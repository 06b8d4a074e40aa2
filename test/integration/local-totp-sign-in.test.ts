/**
 * POST /auth/local/token for a user with an authenticator app (TOTP), as staff have in AWS: the password
 * alone answers 401 MFA_CODE_REQUIRED, a wrong code 401 MFA_CODE_INVALID (counted by the failed sign-in
 * throttle), the current code the tokens. On a gateway of this file's own with a clock for the throttle,
 * plus the demo town's TOTP staff user on the shared target.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalIdentityProvider, newTotpSecret, totpCode } from '../../infra/local/auth/local-identity.ts';
import { createApiServer } from '../../infra/local/gateway/api-server.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { CLAIMS } from '../../shared/auth/roles.ts';
import { localTarget } from '../support/local-target.ts';

const clock = Date.parse('2026-03-02T09:00:00Z');
const secrets = { desk: newTotpSecret(), counter: newTotpSecret() };
let server: Server;
let base: string;

beforeAll(async () => {
  const identity = await LocalIdentityProvider.open(undefined, { signInThrottle: { now: () => clock } });
  identity.upsertUser({ username: 'desk', password: 'right-desk', roles: ['staff'], totpSecret: secrets.desk });
  identity.upsertUser({
    username: 'counter',
    password: 'right-counter',
    roles: ['admin'],
    totpSecret: secrets.counter,
  });
  identity.upsertUser({ username: 'till', password: 'right-till', roles: ['merchant'], merchantId: 'shop-1' });
  server = createApiServer({ repoRoot: REPO_ROOT, identity, allowedOrigins: [] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function token(body: Record<string, string>, url = base) {
  const response = await fetch(`${url}/auth/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Six digits no authenticator with this secret shows now, nor one step before or after. */
function wrongCode(secret: string): string {
  const accepted = [-30_000, 0, 30_000].map((shift) => totpCode(secret, Date.now() + shift));
  for (let candidate = 0; ; candidate += 1) {
    const code = String((Number(accepted[0]) + 1 + candidate * 7919) % 1_000_000).padStart(6, '0');
    if (!accepted.includes(code)) return code;
  }
}

describe('a local user with an authenticator app', () => {
  it('is asked for the code after the right password, and only then', async () => {
    const asked = await token({ username: 'desk', password: 'right-desk' });
    expect(asked.status).toBe(401);
    expect(asked.body).toMatchObject({ code: 'MFA_CODE_REQUIRED', status: 401 });
    expect(asked.body).not.toHaveProperty('accessToken');
    // A wrong password is refused as a wrong password, code or not: the code step says nothing before it.
    const wrongPassword = await token({ username: 'desk', password: 'wrong', mfaCode: totpCode(secrets.desk) });
    expect(wrongPassword.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
  });

  it('gets the tokens with the current code, and a refresh keeps working without a code', async () => {
    const signedIn = await token({ username: 'desk', password: 'right-desk', mfaCode: totpCode(secrets.desk) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    const claims = decodeJwt(String(signedIn.body.accessToken));
    expect(claims[CLAIMS.username]).toBe('desk');
    expect(claims[CLAIMS.groups]).toEqual(['staff']);
    const refreshed = await token({ refreshToken: String(signedIn.body.refreshToken) });
    expect(refreshed.status).toBe(200);
  });

  it('refuses a wrong code with MFA_CODE_INVALID, and five of them lock the username like wrong passwords', async () => {
    const wrong = await token({ username: 'counter', password: 'right-counter', mfaCode: wrongCode(secrets.counter) });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'MFA_CODE_INVALID', status: 401 });
    // Asking for the code step again counts nothing; malformed codes count as wrong ones.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await token({ username: 'counter', password: 'right-counter' })).body.code).toBe('MFA_CODE_REQUIRED');
    }
    for (const code of [wrongCode(secrets.counter), '12345', 'abcdef', wrongCode(secrets.counter)]) {
      const refused = await token({ username: 'counter', password: 'right-counter', mfaCode: code });
      expect(refused.body).toMatchObject({ code: 'MFA_CODE_INVALID' });
    }
    const locked = await token({ username: 'counter', password: 'right-counter', mfaCode: totpCode(secrets.counter) });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('leaves users without an authenticator app signing in with the password alone', async () => {
    expect((await token({ username: 'till', password: 'right-till' })).status).toBe(200);
  });
});

describe('the demo town', () => {
  it('has a staff user with an authenticator app, signed in with the code from its secret', async () => {
    const user = localTarget().users.find((candidate) => candidate.totpSecret);
    if (!user?.totpSecret) throw new Error('no demo user with an authenticator app');
    expect(user.role).toBe('staff');
    const { apiUrl } = localTarget();
    const asked = await token({ username: user.username, password: user.password }, apiUrl);
    expect(asked.body).toMatchObject({ code: 'MFA_CODE_REQUIRED' });
    const signedIn = await token(
      { username: user.username, password: user.password, mfaCode: totpCode(user.totpSecret) },
      apiUrl,
    );
    expect(signedIn.status).toBe(200);
  });
});
