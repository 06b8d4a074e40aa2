/**
 * The local gateway behaves like API Gateway + the JWT authorizer in front of the real handlers:
 * routing, 401/403 as problem documents, CORS, correlation ids, and the local token endpoint.
 */
import { describe, expect, it } from 'vitest';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { api, demoUser, localTarget, tokenFor } from '../support/local-target.ts';

describe('operational routes', () => {
  it('GET /health answers ok', async () => {
    const answer = await api('/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json describes every route of the table', async () => {
    const answer = await api<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>(
      '/openapi.json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(answer.body.paths['/public/merchants']?.get?.operationId).toBe('listPublicMerchants');
    expect(answer.body.paths['/campaigns/{campaignId}']?.get?.operationId).toBe('getCampaign');
  });

  it('an unknown route is a 404 problem document', async () => {
    const answer = await api('/no/such/route', { method: 'DELETE' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404, instance: '/no/such/route' });
  });

  it('echoes a caller correlation id, and makes one up otherwise', async () => {
    const given = await api('/health', { headers: { 'x-correlation-id': 'test-corr-123' } });
    expect(given.headers.get('x-correlation-id')).toBe('test-corr-123');
    const made = await api('/health');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('authentication and roles', () => {
  const campaignPath = () => `/campaigns/${localTarget().campaignId}`;

  it('issues tokens for valid demo credentials only', async () => {
    const staff = demoUser('staff');
    const good = await api<{ accessToken: string; tokenType: string; expiresIn: number }>('/auth/local/token', {
      method: 'POST',
      body: { username: staff.username, password: staff.password },
    });
    expect(good.status).toBe(200);
    expect(good.body.tokenType).toBe('Bearer');
    expect(good.body.expiresIn).toBeGreaterThan(0);
    const bad = await api('/auth/local/token', {
      method: 'POST',
      body: { username: staff.username, password: 'wrong' },
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const unknown = await api('/auth/local/token', { method: 'POST', body: { username: 'nobody', password: 'x' } });
    expect(unknown.status).toBe(401);
  });

  it('refuses a protected route without a token (401 problem)', async () => {
    const answer = await api(campaignPath());
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a forged, a foreign and an expired token (401)', async () => {
    const forged = await api(campaignPath(), { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged.status).toBe(401);

    const stranger = await LocalIdentityProvider.open();
    stranger.upsertUser({ username: 'agent', password: 'x', roles: ['staff'] });
    const foreign = await api(campaignPath(), { token: (await stranger.signFor('agent')).accessToken });
    expect(foreign.status).toBe(401);

    const identity = await LocalIdentityProvider.open(localTarget().identityDir);
    const expired = await identity.signFor(demoUser('staff').username, { exp: Math.floor(Date.now() / 1000) - 60 });
    const late = await api(campaignPath(), { token: expired.accessToken });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses the wrong role with 403 and lets the right roles in', async () => {
    for (const role of ['merchant', 'finance'] as const) {
      const answer = await api(campaignPath(), { token: await tokenFor(role) });
      expect(answer.status, role).toBe(403);
      expect(answer.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const role of ['staff', 'admin'] as const) {
      const answer = await api(campaignPath(), { token: await tokenFor(role) });
      expect(answer.status, role).toBe(200);
      expect(answer.body).toMatchObject({ campaignId: localTarget().campaignId, faceValueCents: 10_000 });
    }
  });

  it('reads claims the same way for every role (GET /me)', async () => {
    const merchant = demoUser('merchant');
    const answer = await api('/me', { token: await tokenFor('merchant') });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      username: merchant.username,
      roles: ['merchant'],
      merchantId: merchant.merchantId,
      merchantName: 'Boulangerie Au Bon Grain',
    });
    const finance = await api('/me', { token: await tokenFor('finance') });
    expect(finance.body).toEqual({ username: demoUser('finance').username, roles: ['finance'] });
  });

  it('validates path parameters and reports unknown resources with their own code', async () => {
    const token = await tokenFor('staff');
    const invalid = await api('/campaigns/no%20spaces%20allowed', { token });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const missing = await api('/campaigns/does-not-exist', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
  });
});

describe('CORS', () => {
  it('answers preflights for the web origin only', async () => {
    const { apiUrl, webUrl } = localTarget();
    const allowed = await fetch(`${apiUrl}/me`, {
      method: 'OPTIONS',
      headers: {
        origin: webUrl,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(webUrl);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');

    const foreign = await fetch(`${apiUrl}/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
