/**
 * Sign-in with Amazon Cognito in AWS, by plain fetch to the user pool's API (no SDK: it would weigh more
 * than the whole scanner). USER_PASSWORD_AUTH for the password, then the staff pool's TOTP challenges
 * (SOFTWARE_TOKEN_MFA; MFA_SETUP at a first sign-in, through AssociateSoftwareToken and VerifySoftwareToken),
 * REFRESH_TOKEN_AUTH for the next tokens, RevokeToken at sign-out. The API's JWT authorizer takes the ID
 * token, which carries the groups and the shop id. Tested against a double of Cognito's JSON protocol
 * (test/unit/web/cognito-identity-provider.test.ts); there is no Cognito on the test network.
 * The app client must allow the USER_PASSWORD_AUTH flow (ALLOW_USER_PASSWORD_AUTH).
 */
import type { IdentityProvider, SignInStep, Tokens } from './tokens.ts';
import { SignInError } from './tokens.ts';

export interface CognitoSettings {
  readonly region: string;
  readonly userPoolClientId: string;
  /** How the authenticator app enrolled at a first sign-in is named in the user's MFA settings. */
  readonly deviceName?: string;
}

interface AuthenticationResult {
  readonly IdToken?: string;
  readonly ExpiresIn?: number;
  readonly RefreshToken?: string;
}

/** An InitiateAuth or RespondToAuthChallenge answer: tokens, or the next challenge and its session. */
interface AuthAnswer {
  readonly AuthenticationResult?: AuthenticationResult;
  readonly ChallengeName?: string;
  readonly ChallengeParameters?: Readonly<Record<string, string>>;
  readonly Session?: string;
}

/** Cognito's errors of a code step that mean "this code is wrong" (the step may be answered again). */
const WRONG_CODE = new Set(['CodeMismatchException', 'ExpiredCodeException', 'EnableSoftwareTokenMFAException']);

export function cognitoIdentityProvider(settings: CognitoSettings): IdentityProvider {
  const endpoint = `https://cognito-idp.${settings.region}.amazonaws.com/`;
  const clientId = settings.userPoolClientId;

  /** `step`: a call made with a challenge's session, where NotAuthorizedException means the session died. */
  const call = async <T>(operation: string, body: Record<string, unknown>, step = false): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(body),
      });
    } catch {
      throw new SignInError('NETWORK');
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return answer as T;
    // Cognito names the error in `__type`, e.g. "NotAuthorizedException" or "…#NotAuthorizedException".
    const type = String(answer.__type ?? '')
      .split('#')
      .at(-1);
    if (step && WRONG_CODE.has(type ?? '')) throw new SignInError('MFA_CODE_INVALID');
    // "Invalid session for the user, session is expired." (3 minutes) or a session already spent.
    if (step && type === 'NotAuthorizedException') throw new SignInError('SIGN_IN_EXPIRED');
    if (type === 'NotAuthorizedException' || type === 'UserNotFoundException') {
      throw new SignInError('INVALID_CREDENTIALS');
    }
    if (type === 'PasswordResetRequiredException') throw new SignInError('NEW_PASSWORD_REQUIRED');
    if (type === 'TooManyRequestsException' || type === 'LimitExceededException') {
      throw new SignInError('TOO_MANY_REQUESTS');
    }
    throw new SignInError('UNAVAILABLE', `Cognito ${operation}: ${type || response.status}`);
  };

  const respond = (challenge: string, session: string | undefined, responses: Record<string, string>) =>
    call<AuthAnswer>(
      'RespondToAuthChallenge',
      { ChallengeName: challenge, ClientId: clientId, Session: session, ChallengeResponses: responses },
      true,
    );

  /** Tokens, or the step a challenge asks of the person; `username` as typed, for the challenge responses. */
  const next = async (answer: AuthAnswer, username: string): Promise<SignInStep> => {
    if (!answer.ChallengeName) return { kind: 'signed-in', result: tokensOf(answer.AuthenticationResult) };
    // Cognito's own name for the user (the typed one may be an alias): the responses must use it.
    const user = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
    switch (answer.ChallengeName) {
      case 'SOFTWARE_TOKEN_MFA': {
        // A wrong code leaves the challenge standing: the same session is answered again until it expires.
        const session = answer.Session;
        return {
          kind: 'code-required',
          answer: async (code) =>
            next(await respond('SOFTWARE_TOKEN_MFA', session, { USERNAME: user, SOFTWARE_TOKEN_MFA_CODE: code }), user),
        };
      }
      case 'MFA_SETUP': {
        const associated = await call<{ SecretCode?: string; Session?: string }>(
          'AssociateSoftwareToken',
          { Session: answer.Session },
          true,
        );
        if (!associated.SecretCode) throw new SignInError('UNAVAILABLE', 'Cognito gave no authenticator secret');
        let session = associated.Session;
        return {
          kind: 'authenticator-setup',
          secret: associated.SecretCode,
          accountName: user,
          answer: async (code) => {
            const verified = await call<{ Status?: string; Session?: string }>(
              'VerifySoftwareToken',
              { Session: session, UserCode: code, FriendlyDeviceName: settings.deviceName ?? 'Authenticator' },
              true,
            );
            if (verified.Status !== 'SUCCESS') throw new SignInError('MFA_CODE_INVALID');
            session = verified.Session ?? session;
            return next(await respond('MFA_SETUP', session, { USERNAME: user }), user);
          },
        };
      }
      // A first sign-in with a temporary password: the town sets the password (admin-set-user-password
      // --permanent) rather than this page growing that screen.
      case 'NEW_PASSWORD_REQUIRED':
        throw new SignInError('NEW_PASSWORD_REQUIRED');
      default:
        throw new SignInError('UNAVAILABLE', `Cognito challenge ${answer.ChallengeName} is not supported`);
    }
  };

  const initiate = (flow: string, parameters: Record<string, string>) =>
    call<AuthAnswer>('InitiateAuth', { AuthFlow: flow, ClientId: clientId, AuthParameters: parameters });

  return {
    signIn: async (username, password) =>
      next(await initiate('USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password }), username),
    refresh: async (refreshToken) => {
      const answer = await initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
      // A refresh is never challenged; if it were, the person must sign in again.
      if (answer.ChallengeName) throw new SignInError('INVALID_CREDENTIALS');
      return tokensOf(answer.AuthenticationResult);
    },
    revoke: async (refreshToken) => {
      await call('RevokeToken', { Token: refreshToken, ClientId: clientId }).catch(() => undefined);
    },
  };
}

function tokensOf(result: AuthenticationResult | undefined): Tokens {
  if (!result?.IdToken) throw new SignInError('UNAVAILABLE', 'Cognito answered without tokens');
  return {
    accessToken: result.IdToken,
    expiresAt: Date.now() + (result.ExpiresIn ?? 3600) * 1000,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
  };
}
