/**
 * Sign-in with Amazon Cognito in AWS, by plain fetch to the user pool's API (no SDK: it would weigh more
 * than the whole scanner). USER_PASSWORD_AUTH for the password, REFRESH_TOKEN_AUTH for the next tokens,
 * RevokeToken at sign-out. The API's JWT authorizer takes the ID token, which carries the groups and the
 * shop id. Not exercised by the tests (no Cognito on this network): kept deliberately small.
 * The app client must allow the USER_PASSWORD_AUTH flow (ALLOW_USER_PASSWORD_AUTH).
 */
import type { IdentityProvider, Tokens } from './tokens.ts';
import { SignInError } from './tokens.ts';

export interface CognitoSettings {
  readonly region: string;
  readonly userPoolClientId: string;
}

interface AuthenticationResult {
  readonly IdToken?: string;
  readonly ExpiresIn?: number;
  readonly RefreshToken?: string;
}

export function cognitoIdentityProvider(settings: CognitoSettings): IdentityProvider {
  const endpoint = `https://cognito-idp.${settings.region}.amazonaws.com/`;

  const call = async (operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
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
    if (response.ok) return answer;
    // Cognito names the error in `__type`, e.g. "NotAuthorizedException" or "…#NotAuthorizedException".
    const type = String(answer.__type ?? '')
      .split('#')
      .at(-1);
    if (type === 'NotAuthorizedException' || type === 'UserNotFoundException') {
      throw new SignInError('INVALID_CREDENTIALS');
    }
    if (type === 'PasswordResetRequiredException') throw new SignInError('NEW_PASSWORD_REQUIRED');
    if (type === 'TooManyRequestsException' || type === 'LimitExceededException') {
      throw new SignInError('TOO_MANY_REQUESTS');
    }
    throw new SignInError('UNAVAILABLE', `Cognito ${operation}: ${type || response.status}`);
  };

  const initiate = async (flow: string, parameters: Record<string, string>): Promise<Tokens> => {
    const answer = await call('InitiateAuth', {
      AuthFlow: flow,
      ClientId: settings.userPoolClientId,
      AuthParameters: parameters,
    });
    // A first sign-in with a temporary password answers a NEW_PASSWORD_REQUIRED challenge: the town sets
    // the shop's password (admin-set-user-password --permanent) rather than this page growing that screen.
    if (answer.ChallengeName) throw new SignInError('NEW_PASSWORD_REQUIRED');
    const result = answer.AuthenticationResult as AuthenticationResult | undefined;
    if (!result?.IdToken) throw new SignInError('UNAVAILABLE', 'Cognito answered without tokens');
    return {
      accessToken: result.IdToken,
      expiresAt: Date.now() + (result.ExpiresIn ?? 3600) * 1000,
      ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    };
  };

  return {
    signIn: (username, password) => initiate('USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password }),
    refresh: (refreshToken) => initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken }),
    revoke: async (refreshToken) => {
      await call('RevokeToken', { Token: refreshToken, ClientId: settings.userPoolClientId }).catch(() => undefined);
    },
  };
}
