/**
 * Signing in on the scanner: wrong passwords, accounts that are not a shop's, staying signed in for the
 * day through refresh tokens (the local token endpoint's refresh grant included), and signing out. Also
 * keeps the page's French fallback texts equal to the catalogue.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr } from '../../web/scanner/i18n/fr.ts';
import { launchChromium, phonePage, screenshot } from '../support/browser.ts';
import { createTestCampaign } from '../support/ledger-fixtures.ts';
import { api, demoUser, localTarget } from '../support/local-target.ts';
import {
  button,
  createShopUser,
  expectScreen,
  recordApiRequests,
  retireShops,
  type ShopUser,
  scannerUrl,
  seriousAccessibilityViolations,
  signIn,
  visibleText,
} from './scanner-page.ts';

let browser: Browser;
let shop: ShopUser;

beforeAll(async () => {
  browser = await launchChromium();
  shop = await createShopUser([await createTestCampaign()]);
});

afterAll(async () => {
  if (shop) await retireShops([shop]);
  await browser?.close();
});

interface StoredSession {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string;
  username: string;
}

const storedSession = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('scanner.session') ?? 'null') as StoredSession | null);

async function replaceSession(page: Page, change: Partial<StoredSession>): Promise<void> {
  await page.evaluate((patch) => {
    const current = JSON.parse(localStorage.getItem('scanner.session') ?? '{}');
    localStorage.setItem('scanner.session', JSON.stringify({ ...current, ...patch }));
  }, change);
}

describe('the local token endpoint', () => {
  it('answers a refresh token with the password, and a new access token for it', async () => {
    const signedIn = await api<{ accessToken: string; refreshToken: string; refreshExpiresIn: number }>(
      '/auth/local/token',
      { method: 'POST', body: { username: shop.username, password: shop.password } },
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(signedIn.body.refreshExpiresIn).toBe(12 * 3600);
    const refreshed = await api<{ accessToken: string; expiresIn: number; refreshToken?: string }>(
      '/auth/local/token',
      { method: 'POST', body: { refreshToken: signedIn.body.refreshToken } },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.expiresIn).toBeGreaterThan(0);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const me = await api<{ username: string; merchantId: string }>('/me', { token: refreshed.body.accessToken });
    expect(me.body).toMatchObject({ username: shop.username, merchantId: shop.merchantId });

    const forged = await api('/auth/local/token', { method: 'POST', body: { refreshToken: 'not-a-refresh-token' } });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const empty = await api('/auth/local/token', { method: 'POST', body: { refreshToken: '' } });
    expect(empty.status).toBe(400);
  });
});

describe('signing in on the scanner', () => {
  it('refuses a wrong password with a message, and signs in with the right one', async () => {
    const page = await phonePage(browser);
    await page.goto(scannerUrl());
    await expectScreen(page, 'Connexion du commerce');
    await button(page, 'Se connecter').click();
    await expect
      .poll(() => visibleText(page, '#signin-message'))
      .toBe('Tapez l’identifiant et le mot de passe de votre commerce.');
    await page.getByLabel('Identifiant', { exact: true }).fill(shop.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill('not the password');
    await button(page, 'Se connecter').click();
    await expect
      .poll(() => visibleText(page, '#signin-message'))
      .toBe('Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'scanner-1b-sign-in-refused');
    await page.getByLabel('Mot de passe', { exact: true }).fill(shop.password);
    await button(page, 'Se connecter').click();
    await expectScreen(page, 'Scanner un bon');
    await expect.poll(() => visibleText(page, '#shop-name')).toBe(`Test shop ${shop.merchantId}`);
    await page.context().close();
  });

  it('turns away an account that is not a shop’s', async () => {
    const page = await phonePage(browser);
    await page.goto(scannerUrl());
    const staff = demoUser('staff');
    await page.getByLabel('Identifiant', { exact: true }).fill(staff.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill(staff.password);
    await button(page, 'Se connecter').click();
    await expect
      .poll(() => visibleText(page, '#signin-message'))
      .toBe('Ce compte n’est pas celui d’un commerce partenaire. Connectez-vous avec l’identifiant de votre commerce.');
    await expectScreen(page, 'Connexion du commerce');
    expect(await storedSession(page)).toBeNull();
    await page.context().close();
  });

  it('stays signed in through expired access tokens, until the refresh token is refused', async () => {
    const page = await phonePage(browser);
    await signIn(page, shop);
    const first = await storedSession(page);
    expect(first?.refreshToken).toBeTruthy();
    expect(first?.expiresAt).toBeGreaterThan(Date.now());
    const requests = recordApiRequests(page);
    const refreshes = () =>
      requests.filter(
        (request) => request.url().endsWith('/auth/local/token') && /refreshToken/.test(request.postData() ?? ''),
      ).length;

    // A token the API no longer accepts (401): the page refreshes it and carries on.
    await replaceSession(page, { accessToken: 'eyJhbGciOiJFUzI1NiJ9.e30.revoked' });
    await page.reload();
    await expectScreen(page, 'Scanner un bon');
    await expect.poll(() => visibleText(page, '#shop-name')).toBe(`Test shop ${shop.merchantId}`);
    expect(refreshes()).toBe(1);
    expect((await storedSession(page))?.accessToken).not.toBe('eyJhbGciOiJFUzI1NiJ9.e30.revoked');

    // A token about to expire: refreshed before use.
    await replaceSession(page, { expiresAt: Date.now() + 10_000 });
    await page.reload();
    await expectScreen(page, 'Scanner un bon');
    await expect.poll(refreshes).toBe(2);
    // The refresh was sent; its answer is stored a moment later.
    const soon = Date.now() + 30 * 60_000;
    await expect.poll(async () => (await storedSession(page))?.expiresAt ?? 0).toBeGreaterThan(soon);

    // The refresh token refused too (expired, or the target restarted): back to the password.
    await replaceSession(page, { expiresAt: 0, refreshToken: 'expired-refresh-token' });
    await page.reload();
    await expectScreen(page, 'Connexion du commerce');
    expect(await visibleText(page, '#signin-message')).toBe(
      'Votre session a expiré : reconnectez-vous pour continuer.',
    );
    expect(await storedSession(page)).toBeNull();
    await page.context().close();
  });

  it('signs out on request, and stays signed out after a reload', async () => {
    const page = await phonePage(browser);
    await signIn(page, shop);
    await button(page, 'Se déconnecter').click();
    await expectScreen(page, 'Connexion du commerce');
    expect(await visibleText(page, '#signin-message')).toBe('Vous êtes déconnecté.');
    expect(await storedSession(page)).toBeNull();
    expect(await page.locator('#account').isVisible()).toBe(false);
    await page.reload();
    await expectScreen(page, 'Connexion du commerce');
    await page.context().close();
  });
});

describe('the page’s texts', () => {
  it('writes in its HTML the French of the catalogue (shown before the script runs)', async () => {
    const html = readFileSync(new URL('../../web/scanner/index.html', import.meta.url), 'utf8');
    const written = [...html.matchAll(/data-i18n="([\w.]+)"[^>]*>([^<]*)</g)].map(([, key, text]) => [key, text]);
    expect(written.length).toBeGreaterThan(30);
    const catalogue = fr as Readonly<Record<string, string>>;
    expect(written.filter(([key, text]) => catalogue[key ?? ''] !== text)).toEqual([]);
    // And the served page is the built one, under the local target's Content-Security-Policy.
    const served = await fetch(scannerUrl());
    expect(served.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await served.text()).toContain('<script type="module" src="/scanner/main.js"></script>');
    expect(localTarget().webUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
