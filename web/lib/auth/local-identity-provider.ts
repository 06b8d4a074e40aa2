/**
 * Sign-in on the local target: POST /auth/local/token with a password (and, for a user with an authenticator
 * app, its code: the endpoint answers MFA_CODE_REQUIRED first, as Cognito answers SOFTWARE_TOKEN_MFA), or
 * with the refresh token.
 */
import type { IdentityProvider, SignInStep, Tokens } from './tokens.ts';
import { SignInError } from './tokens.ts';

interface TokenAnswer {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

export function localIdentityProvider(tokenUrl: string): IdentityProvider {
  const call = async (body: Record<string, string>): Promise<Tokens | 'MFA_CODE_REQUIRED'> => {
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      throw new SignInError('NETWORK');
    }
    if (response.status === 401) {
      const { code } = (await response.json().catch(() => ({}))) as { code?: string };
      if (code === 'MFA_CODE_REQUIRED') return code;
      throw new SignInError(code === 'MFA_CODE_INVALID' ? code : 'INVALID_CREDENTIALS');
    }
    if (response.status === 429) throw new SignInError('TOO_MANY_REQUESTS');
    if (!response.ok) throw new SignInError('UNAVAILABLE', `token endpoint: HTTP ${response.status}`);
    const answer = (await response.json()) as TokenAnswer;
    return {
      accessToken: answer.accessToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
      ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
    };
  };
  // The endpoint keeps no state between the steps: the continuation sends the password again with the code.
  const step = async (body: Record<string, string>): Promise<SignInStep> => {
    const answer = await call(body);
    if (answer !== 'MFA_CODE_REQUIRED') return { kind: 'signed-in', result: answer };
    if (body.mfaCode !== undefined) throw new SignInError('UNAVAILABLE', 'token endpoint asked for a code again');
    return { kind: 'code-required', answer: (mfaCode) => step({ ...body, mfaCode }) };
  };
  return {
    signIn: (username, password) => step({ username, password }),
    refresh: async (refreshToken) => {
      const answer = await call({ refreshToken });
      if (answer === 'MFA_CODE_REQUIRED') throw new SignInError('INVALID_CREDENTIALS');
      return answer;
    },
    // The local stand-in keeps refresh tokens in memory only; they die with the process or after 12 hours.
    revoke: async () => undefined,
  };
}
