/** Sign-in on the local target: POST /auth/local/token with a password, or with the refresh token. */
import type { IdentityProvider, Tokens } from './tokens.ts';
import { SignInError } from './tokens.ts';

interface TokenAnswer {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

export function localIdentityProvider(tokenUrl: string): IdentityProvider {
  const call = async (body: Record<string, string>): Promise<Tokens> => {
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
    if (response.status === 401) throw new SignInError('INVALID_CREDENTIALS');
    if (response.status === 429) throw new SignInError('TOO_MANY_REQUESTS');
    if (!response.ok) throw new SignInError('UNAVAILABLE', `token endpoint: HTTP ${response.status}`);
    const answer = (await response.json()) as TokenAnswer;
    return {
      accessToken: answer.accessToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
      ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
    };
  };
  return {
    signIn: (username, password) => call({ username, password }),
    refresh: (refreshToken) => call({ refreshToken }),
    // The local stand-in keeps refresh tokens in memory only; they die with the process or after 12 hours.
    revoke: async () => undefined,
  };
}
