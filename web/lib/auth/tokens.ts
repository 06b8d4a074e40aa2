/**
 * What a signed-in page keeps: the bearer token for the API, when it expires, and the refresh token that
 * buys the next one. Kept in localStorage so that a shop's phone stays signed in for the working day,
 * through a closed tab, a browser the system killed or a restart (sessionStorage would lose it with the
 * tab). The price is that any script running in the page could read it: the pages therefore load no
 * third-party script, write text only through textContent, and run under a CSP without inline scripts;
 * the refresh token lives 12 hours and only ever buys a merchant's narrow rights.
 */
export interface Tokens {
  /** The bearer token for the API (an ID token in Cognito terms). */
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly refreshToken?: string;
}

export interface StoredSession extends Tokens {
  readonly username: string;
}

/** Why a sign-in or a refresh failed, in codes the pages translate. */
export type SignInProblem =
  | 'INVALID_CREDENTIALS'
  | 'NEW_PASSWORD_REQUIRED'
  | 'TOO_MANY_REQUESTS'
  | 'NETWORK'
  | 'UNAVAILABLE';

export class SignInError extends Error {
  readonly code: SignInProblem;

  constructor(code: SignInProblem, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

/** A sign-in service: the local target's token endpoint, or Cognito. */
export interface IdentityProvider {
  signIn(username: string, password: string): Promise<Tokens>;
  /** New tokens for a refresh token; the refresh token itself is kept when the answer has none. */
  refresh(refreshToken: string): Promise<Tokens>;
  /** Ends the refresh token's life on the server, where the service can (best effort). */
  revoke(refreshToken: string): Promise<void>;
}

export function loadSession(storageKey: string): StoredSession | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.accessToken !== 'string' || typeof value.username !== 'string') return undefined;
    return {
      accessToken: value.accessToken,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : 0,
      username: value.username,
      ...(typeof value.refreshToken === 'string' ? { refreshToken: value.refreshToken } : {}),
    };
  } catch {
    return undefined;
  }
}

export function saveSession(storageKey: string, session: StoredSession | undefined): void {
  try {
    if (session) localStorage.setItem(storageKey, JSON.stringify(session));
    else localStorage.removeItem(storageKey);
  } catch {
    // Private mode or a full storage: the session then lasts as long as the page, which still works.
  }
}
