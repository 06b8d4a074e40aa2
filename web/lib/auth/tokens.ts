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

/** Why the password step of a sign-in, or a refresh, failed: the codes every signed-in page translates. */
export const PASSWORD_PROBLEMS = [
  'INVALID_CREDENTIALS',
  'NEW_PASSWORD_REQUIRED',
  'TOO_MANY_REQUESTS',
  'NETWORK',
  'UNAVAILABLE',
] as const;

/**
 * Why a sign-in or a refresh failed, in codes the pages translate. The code steps (staff only) add two: the
 * authenticator code is wrong (the same step may be answered again), or the steps took too long (Cognito's
 * session lasts 3 minutes) and the sign-in starts again from the password.
 */
export type SignInProblem = (typeof PASSWORD_PROBLEMS)[number] | 'MFA_CODE_INVALID' | 'SIGN_IN_EXPIRED';

export const isPasswordProblem = (code: SignInProblem): code is (typeof PASSWORD_PROBLEMS)[number] =>
  (PASSWORD_PROBLEMS as readonly string[]).includes(code);

export class SignInError extends Error {
  readonly code: SignInProblem;

  constructor(code: SignInProblem, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

/**
 * Where a sign-in stands after a step: done (with `result`: the tokens, or what a page made of them), or
 * waiting for the person, who must first type the current 6-digit code of their authenticator app, or
 * (first sign-in of a staff member in AWS) add `secret` to an authenticator app and type its first code.
 * `answer` is the continuation: it carries the provider's own state (Cognito's session, the local
 * endpoint's credentials) to the next call, so that the page only shows the step and passes on the code.
 * A refused code rejects with SignInError MFA_CODE_INVALID, and the same step may be answered again.
 */
export type SignInStep<Result = Tokens> =
  | { readonly kind: 'signed-in'; readonly result: Result }
  | { readonly kind: 'code-required'; answer(code: string): Promise<SignInStep<Result>> }
  | {
      readonly kind: 'authenticator-setup';
      /** The base32 secret to add to the app. */
      readonly secret: string;
      /** The name the account goes by (its username at the service). */
      readonly accountName: string;
      answer(code: string): Promise<SignInStep<Result>>;
    };

/** The same step, with `then` applied to the result once signed in (at whichever step that happens). */
export function mapSignInStep<A, B>(step: SignInStep<A>, then: (result: A) => B): SignInStep<B> {
  if (step.kind === 'signed-in') return { kind: 'signed-in', result: then(step.result) };
  const answer = async (code: string) => mapSignInStep(await step.answer(code), then);
  return step.kind === 'code-required' ? { kind: 'code-required', answer } : { ...step, answer };
}

/** A sign-in service: the local target's token endpoint, or Cognito. */
export interface IdentityProvider {
  signIn(username: string, password: string): Promise<SignInStep>;
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
