/**
 * The signed-in user of a page: signs in with the target's identity provider (local token endpoint or
 * Cognito, from the runtime config), hands a fresh bearer token to every API call, and refreshes it
 * before it expires or when the API answers 401, so that a shop stays signed in for the working day
 * (12-hour refresh token). When the refresh token is refused too, calls fail with UNAUTHENTICATED and the
 * page asks for the password again.
 */
import type { UserPoolName } from '../../../shared/auth/user-pools.ts';
import { ApiError, apiRequest, type RequestOptions } from '../api-client.ts';
import { runtimeConfig } from '../runtime-config.ts';
import { cognitoIdentityProvider } from './cognito-identity-provider.ts';
import { localIdentityProvider } from './local-identity-provider.ts';
import {
  type IdentityProvider,
  loadSession,
  mapSignInStep,
  SignInError,
  type SignInStep,
  type StoredSession,
  saveSession,
} from './tokens.ts';

/** Refresh this long before the token expires, so that a request never leaves with a dying token. */
const EARLY_REFRESH_MS = 60_000;

async function identityProvider(pool: UserPoolName): Promise<IdentityProvider> {
  const { auth } = await runtimeConfig();
  return auth.mode === 'cognito'
    ? cognitoIdentityProvider({ region: auth.region, userPoolClientId: auth.userPools[pool].userPoolClientId })
    : localIdentityProvider(auth.tokenUrl);
}

const signedOut = () => new ApiError(401, 'UNAUTHENTICATED');

export class Session {
  readonly #storageKey: string;
  readonly #pool: UserPoolName;
  #stored: StoredSession | undefined;
  #provider: Promise<IdentityProvider> | undefined;
  #refreshing: Promise<StoredSession | undefined> | undefined;

  /** `pool`: where this page's users sign in in AWS (the local target has one identity for all). */
  constructor(storageKey: string, pool: UserPoolName) {
    this.#storageKey = storageKey;
    this.#pool = pool;
    this.#stored = loadSession(storageKey);
  }

  get signedIn(): boolean {
    return this.#stored !== undefined;
  }

  get username(): string | undefined {
    return this.#stored?.username;
  }

  /**
   * Signs in, at once or after the code steps the answer asks for (staff with an authenticator app): the
   * session is kept as soon as a step reaches `signed-in`. Throws SignInError when refused.
   */
  async signIn(username: string, password: string): Promise<SignInStep<void>> {
    const step = await (await this.#identity()).signIn(username, password);
    return mapSignInStep(step, (tokens) => this.#set({ ...tokens, username }));
  }

  async signOut(): Promise<void> {
    const refreshToken = this.#stored?.refreshToken;
    this.#set(undefined);
    if (refreshToken) await (await this.#identity()).revoke(refreshToken).catch(() => undefined);
  }

  /** An API call with the bearer token; a 401 gets one refresh and one retry. */
  async request<T>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
    const token = await this.#token(false);
    try {
      return await apiRequest<T>(path, { ...options, token });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      return apiRequest<T>(path, { ...options, token: await this.#token(true) });
    }
  }

  async #token(force: boolean): Promise<string> {
    const current = this.#stored;
    if (!current) throw signedOut();
    if (!force && current.expiresAt - EARLY_REFRESH_MS > Date.now()) return current.accessToken;
    this.#refreshing ??= this.#refresh(current).finally(() => {
      this.#refreshing = undefined;
    });
    try {
      const refreshed = await this.#refreshing;
      if (!refreshed) throw signedOut();
      return refreshed.accessToken;
    } catch (error) {
      // The refresh could not be done (network, service): a token that is still valid is better than none.
      if (!force && error instanceof ApiError && error.status !== 401 && current.expiresAt > Date.now()) {
        return current.accessToken;
      }
      throw error;
    }
  }

  async #refresh(current: StoredSession): Promise<StoredSession | undefined> {
    if (!current.refreshToken) {
      this.#set(undefined);
      return undefined;
    }
    try {
      const tokens = await (await this.#identity()).refresh(current.refreshToken);
      const next = { ...tokens, refreshToken: tokens.refreshToken ?? current.refreshToken, username: current.username };
      this.#set(next);
      return next;
    } catch (error) {
      if (error instanceof SignInError && error.code === 'INVALID_CREDENTIALS') {
        this.#set(undefined);
        return undefined;
      }
      throw error instanceof SignInError && error.code !== 'NETWORK'
        ? new ApiError(503, 'INTERNAL')
        : new ApiError(0, 'NETWORK');
    }
  }

  #identity(): Promise<IdentityProvider> {
    this.#provider ??= identityProvider(this.#pool);
    return this.#provider;
  }

  #set(session: StoredSession | undefined): void {
    this.#stored = session;
    saveSession(this.#storageKey, session);
  }
}
