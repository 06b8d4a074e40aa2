/**
 * Staff sign-in with an authenticator app (TOTP), in Chromium: the demo town's TOTP staff user types the
 * password, then the 6-digit code computed from its secret, as a phone's authenticator app shows it (a
 * letter or a wrong code is refused first). Then a first sign-in in AWS, where the page enrols the app
 * (AssociateSoftwareToken, VerifySoftwareToken): the page runs with the AWS runtime config and its CSP, and
 * Cognito's API is answered by the double the unit tests use (there is no Cognito on this network). Both
 * screens are audited with axe-core and photographed (test-results/screenshots/admin-signin-*.png).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../infra/local/auth/local-identity.ts';
import { contentSecurityPolicy } from '../../web/content-security-policy.ts';
import { launchChromium } from '../support/browser.ts';
import { COGNITO_JSON, CognitoDouble, totpNow } from '../support/cognito-double.ts';
import { localTarget } from '../support/local-target.ts';
import { adminUrl, audit, deskPage, expectScreen, poll, signIn, textOf } from './admin-page.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Six digits the authenticator with this secret does not show now (nor one step either side). */
function wrongCode(code: (at: number) => string): string {
  const shown = new Set([-30_000, 0, 30_000].map((shift) => code(Date.now() + shift)));
  return ['000000', '111111', '222222', '333333'].find((candidate) => !shown.has(candidate)) ?? '444444';
}

const codeField = (page: Page) => page.getByLabel('Code à 6 chiffres', { exact: true });
const submitCode = (page: Page) => page.getByRole('button', { name: 'Valider le code', exact: true }).click();

describe('staff sign-in with an authenticator app', () => {
  it('asks the TOTP user for the code after the password, checks it as typed, and signs in with the current one', async () => {
    const { page, cspViolations } = await deskPage(browser);
    const user = localTarget().users.find((candidate) => candidate.totpSecret);
    if (!user?.totpSecret) throw new Error('the demo town has no staff user with an authenticator app');
    const secret = user.totpSecret;

    await signIn(page, user);
    const code = codeField(page);
    await poll(() => code.isVisible()).toBe(true);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-code');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await page.getByLabel('Mot de passe', { exact: true }).isVisible()).toBe(false);

    // Checked as typed: a letter is said at once, and nothing is sent.
    await code.pressSequentially('12a');
    await poll(() => textOf(page, '#signin-code-message')).toBe('Le code compte exactement 6 chiffres, sans lettres.');
    await poll(() => code.getAttribute('aria-invalid')).toBe('true');

    await code.fill(wrongCode((at) => totpCode(secret, at)));
    await poll(() => code.getAttribute('aria-invalid')).toBeNull();
    await submitCode(page);
    await poll(() => textOf(page, '#signin-code-message')).toMatch(/^Code incorrect\./);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-code');
    await audit(page, 'signin-code');

    await code.fill(totpCode(secret));
    await submitCode(page);
    await expectScreen(page, 'Tableau de bord');
    await poll(() => textOf(page, '#user-name')).toContain(user.username);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('enrols the authenticator app at a first sign-in in AWS: the key, then its first code', async () => {
    const region = 'eu-west-1';
    const cognitoOrigin = `https://cognito-idp.${region}.amazonaws.com`;
    const cognito = new CognitoDouble('staff-client', [{ username: 'nouvelle', password: 'premier-mot-de-passe' }]);
    const { page, cspViolations } = await deskPage(browser);
    await inAws(page.context(), { region, cognitoOrigin, cognito });

    await signIn(page, { username: 'nouvelle', password: 'premier-mot-de-passe' });
    const setupTitle = page.getByRole('heading', { name: 'Première connexion : protégez votre compte' });
    await poll(() => setupTitle.isVisible()).toBe(true);
    expect(cognito.calls.map((call) => call.operation)).toEqual(['InitiateAuth', 'AssociateSoftwareToken']);
    const secret = await enrolledSecret(page);
    const host = new URL(localTarget().webUrl).hostname;
    // The key is shown in groups of four to be typed, and as an otpauth:// link and a QR code to be scanned.
    expect(await textOf(page, '#signin-secret')).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(await page.locator('#signin-otpauth').getAttribute('href')).toBe(
      `otpauth://totp/${host}:nouvelle?secret=${secret}&issuer=${host}&algorithm=SHA1&digits=6&period=30`,
    );
    await poll(() => page.locator('#signin-qr').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(
      0,
    );
    await audit(page, 'signin-setup');

    await codeField(page).fill(totpNow(secret));
    await submitCode(page);
    await poll(() => cognito.calls.at(-1)?.operation).toBe('RespondToAuthChallenge');
    expect(cognito.calls.map((call) => call.operation)).toEqual([
      'InitiateAuth',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
    expect(cognito.users.get('nouvelle')?.totpSecret).toBe(secret);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });
});

/** The secret the double handed out, as the page shows it (spaces taken out). */
async function enrolledSecret(page: Page): Promise<string> {
  return (await textOf(page, '#signin-secret')).replace(/\s+/g, '');
}

/**
 * The admin page as CloudFront serves it in AWS: the runtime config in Cognito mode and the CSP that lets the
 * page call Cognito; Cognito's API answered by the double. The staff API is never reached by this test.
 */
async function inAws(
  context: BrowserContext,
  options: { region: string; cognitoOrigin: string; cognito: CognitoDouble },
): Promise<void> {
  const { apiUrl, webUrl } = localTarget();
  await context.route(`${webUrl}/config.json`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        apiUrl,
        stage: 'e2e',
        auth: {
          mode: 'cognito',
          region: options.region,
          userPools: {
            staff: { userPoolId: `${options.region}_staff`, userPoolClientId: options.cognito.clientId },
            merchant: { userPoolId: `${options.region}_shops`, userPoolClientId: 'merchant-client' },
          },
        },
      }),
    }),
  );
  await context.route(adminUrl(), async (route) => {
    const response = await route.fetch();
    const policy = contentSecurityPolicy({ connect: [new URL(apiUrl).origin, options.cognitoOrigin] });
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await context.route(`${options.cognitoOrigin}/`, async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 200, headers: corsHeaders(webUrl) });
      return;
    }
    const { status, body } = options.cognito.answer(await request.allHeaders(), request.postData() ?? '');
    await route.fulfill({
      status,
      headers: { ...corsHeaders(webUrl), 'content-type': COGNITO_JSON },
      body: JSON.stringify(body),
    });
  });
}

const corsHeaders = (origin: string) => ({
  'access-control-allow-origin': origin,
  'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent',
  'access-control-allow-methods': 'POST',
});
