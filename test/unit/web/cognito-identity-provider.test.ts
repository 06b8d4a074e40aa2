/**
 * The pages' Cognito sign-in against a double of the user pool API's JSON protocol (test/support/
 * cognito-double.ts), as the staff pool runs it: MFA required by authenticator app. The password answers a
 * step, not tokens: the code (SOFTWARE_TOKEN_MFA), or at a first sign-in the authenticator's enrolment
 * (MFA_SETUP through AssociateSoftwareToken and VerifySoftwareToken); a wrong code may be typed again; a
 * session that ran out sends the person back to the password.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cognitoIdentityProvider } from '../../../web/lib/auth/cognito-identity-provider.ts';
import { type IdentityProvider, SignInError, type SignInStep, type Tokens } from '../../../web/lib/auth/tokens.ts';
import { COGNITO_JSON, CognitoDouble, SESSION_LIFETIME_MS, totpNow } from '../../support/cognito-double.ts';

const CLIENT_ID = 'staff-client-1234';
const ENROLLED_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let cognito: CognitoDouble;
let provider: IdentityProvider;

beforeEach(() => {
  cognito = new CognitoDouble(CLIENT_ID, [
    { username: 'agent', password: 'right-pass', totpSecret: ENROLLED_SECRET },
    { username: 'newcomer', password: 'first-pass' },
  ]);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    expect(url).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(init.method).toBe('POST');
    const { status, body } = cognito.answer(init.headers as Record<string, string>, String(init.body));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': COGNITO_JSON } });
  });
  provider = cognitoIdentityProvider({ region: 'eu-west-1', userPoolClientId: CLIENT_ID });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A code the authenticator does not show now (nor one step either side). */
function wrongCode(secret: string): string {
  const shown = new Set([-30_000, 0, 30_000].map((shift) => totpNow(secret, Date.now() + shift)));
  return ['000000', '111111', '222222', '333333'].find((code) => !shown.has(code)) ?? '444444';
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignInError);
  return (error as SignInError).code;
}

function signedIn(step: SignInStep): Tokens {
  if (step.kind !== 'signed-in') throw new Error(`expected tokens, got the step ${step.kind}`);
  return step.result;
}

describe('a staff member with an authenticator app (SOFTWARE_TOKEN_MFA)', () => {
  it('is asked for the code, may retype a wrong one, and gets the ID token with the right one', async () => {
    const step = await provider.signIn('agent', 'right-pass');
    if (step.kind !== 'code-required') throw new Error(`expected the code step, got ${step.kind}`);
    expect(await refusal(step.answer(wrongCode(ENROLLED_SECRET)))).toBe('MFA_CODE_INVALID');

    const tokens = signedIn(await step.answer(totpNow(ENROLLED_SECRET)));
    expect(tokens.accessToken).toMatch(/^id-/); // the ID token: it carries the groups the API checks
    expect(tokens.refreshToken).toMatch(/^refresh-/);
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3500_000);

    const initiate = cognito.calls[0];
    const respond = cognito.calls.at(-1);
    expect(initiate).toEqual({
      operation: 'InitiateAuth',
      body: {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: CLIENT_ID,
        AuthParameters: { USERNAME: 'agent', PASSWORD: 'right-pass' },
      },
    });
    expect(respond).toEqual({
      operation: 'RespondToAuthChallenge',
      body: {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: CLIENT_ID,
        Session: expect.stringMatching(/^session-/),
        ChallengeResponses: { USERNAME: 'agent', SOFTWARE_TOKEN_MFA_CODE: totpNow(ENROLLED_SECRET) },
      },
    });
  });

  it('starts again from the password when the session ran out (3 minutes)', async () => {
    const step = await provider.signIn('agent', 'right-pass');
    if (step.kind !== 'code-required') throw new Error('expected the code step');
    const later = Date.now() + SESSION_LIFETIME_MS + 1000;
    cognito.now = () => later;
    expect(await refusal(step.answer(totpNow(ENROLLED_SECRET, later)))).toBe('SIGN_IN_EXPIRED');
  });

  it('refuses a wrong password before any code, as before', async () => {
    expect(await refusal(provider.signIn('agent', 'wrong-pass'))).toBe('INVALID_CREDENTIALS');
    expect(await refusal(provider.signIn('nobody', 'x'))).toBe('INVALID_CREDENTIALS');
  });
});

describe('a first sign-in (MFA_SETUP)', () => {
  it('hands out the secret, verifies the first code from it, and signs in; the next sign-in asks for the code', async () => {
    const step = await provider.signIn('newcomer', 'first-pass');
    if (step.kind !== 'authenticator-setup') throw new Error(`expected the enrolment, got ${step.kind}`);
    expect(step.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(step.accountName).toBe('newcomer');
    expect(cognito.calls.map((call) => call.operation)).toEqual(['InitiateAuth', 'AssociateSoftwareToken']);
    expect(cognito.calls[1]?.body).toEqual({ Session: expect.stringMatching(/^session-/) });

    // A mistyped first code: the enrolment stands, the person types the next one.
    expect(await refusal(step.answer(wrongCode(step.secret)))).toBe('MFA_CODE_INVALID');
    const tokens = signedIn(await step.answer(totpNow(step.secret)));
    expect(tokens.accessToken).toMatch(/^id-/);

    const [verify, respond] = cognito.calls.slice(-2);
    expect(verify).toEqual({
      operation: 'VerifySoftwareToken',
      body: { Session: expect.any(String), UserCode: totpNow(step.secret), FriendlyDeviceName: 'Authenticator' },
    });
    expect(respond).toEqual({
      operation: 'RespondToAuthChallenge',
      body: {
        ChallengeName: 'MFA_SETUP',
        ClientId: CLIENT_ID,
        Session: expect.stringMatching(/^session-/),
        ChallengeResponses: { USERNAME: 'newcomer' },
      },
    });
    // The session VerifySoftwareToken gave, not the one before it, answers the challenge.
    expect(respond?.body.Session).not.toBe(verify?.body.Session);
    expect(cognito.devices).toEqual([{ username: 'newcomer', friendlyName: 'Authenticator' }]);

    expect((await provider.signIn('newcomer', 'first-pass')).kind).toBe('code-required');
  });

  it('starts again when the enrolment took longer than the session', async () => {
    const step = await provider.signIn('newcomer', 'first-pass');
    if (step.kind !== 'authenticator-setup') throw new Error('expected the enrolment');
    const later = Date.now() + SESSION_LIFETIME_MS + 1000;
    cognito.now = () => later;
    expect(await refusal(step.answer(totpNow(step.secret, later)))).toBe('SIGN_IN_EXPIRED');
  });
});

describe('what stays as it was', () => {
  it('refreshes with REFRESH_TOKEN_AUTH, keeping no code step', async () => {
    const tokens = await provider.refresh('refresh-abc');
    expect(tokens.accessToken).toMatch(/^id-/);
    expect(tokens.refreshToken).toBeUndefined();
    expect(await refusal(provider.refresh('stolen'))).toBe('INVALID_CREDENTIALS');
  });

  it('answers NEW_PASSWORD_REQUIRED for a temporary password, as before', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            ChallengeParameters: {},
            Session: 'session-x'.repeat(3),
          }),
          { status: 200, headers: { 'content-type': COGNITO_JSON } },
        ),
    );
    expect(await refusal(provider.signIn('agent', 'temporary'))).toBe('NEW_PASSWORD_REQUIRED');
  });
});
