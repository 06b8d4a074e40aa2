/**
 * The local stand-in for Cognito: scrypt-hashed users and an ES256 key under the data folder, tokens with a
 * Cognito ID token's claims, and opaque 12-hour refresh tokens (in memory) like REFRESH_TOKEN_AUTH. Failed
 * password sign-ins are throttled per username, as Cognito's own lockout does. A user may have an
 * authenticator app (a TOTP secret, as the staff user pool requires in AWS): the password alone then asks
 * for its current 6-digit code, and a wrong code counts as a failed sign-in.
 */
import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { Secret, TOTP } from 'otpauth';
import { CLAIMS, type Role } from '../../../shared/auth/roles.ts';
import { createSignInThrottle, type SignInThrottle, type SignInThrottleOptions } from './sign-in-throttle.ts';

export const LOCAL_ISSUER = 'urn:voucher-platform:local-idp';
export const LOCAL_CLIENT_ID = 'local-web-client';
const ALGORITHM = 'ES256';

export interface LocalUserInput {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly merchantId?: string;
  /** The base32 secret of the user's authenticator app (RFC 6238, SHA-1, 6 digits, 30 s): a code is then required. */
  readonly totpSecret?: string;
}

interface StoredUser {
  readonly sub: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly merchantId?: string;
  readonly salt: string;
  readonly hash: string;
  readonly totpSecret?: string;
}

/** Why a password sign-in gave no token: the endpoint answers each as its 401 problem code. */
export type SignInRefusal = 'INVALID_CREDENTIALS' | 'MFA_CODE_REQUIRED' | 'MFA_CODE_INVALID';

export type SignInOutcome =
  | { readonly ok: true; readonly token: IssuedToken }
  | { readonly ok: false; readonly refusal: SignInRefusal };

/**
 * The current code of an authenticator app with this secret, as Cognito's software token computes it (and
 * as the tests type it). `timestamp`: epoch milliseconds, now by default.
 */
export function totpCode(secret: string, timestamp?: number): string {
  return authenticator(secret).generate(timestamp === undefined ? {} : { timestamp });
}

/** A fresh base32 secret, 160 bits as Cognito's AssociateSoftwareToken gives. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function authenticator(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** One 30-second step either side, as authenticator apps on a phone with a drifting clock need. */
function totpMatches(secret: string, code: string): boolean {
  return /^\d{6}$/.test(code) && authenticator(secret).validate({ token: code, window: 1 }) !== null;
}

/** Too many failed sign-ins for this username lately: refused without looking at the password. */
export class SignInThrottledError extends Error {
  override readonly name = 'SignInThrottledError';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`Too many failed sign-ins: try again in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface LocalIdentityOptions {
  /** @default 3600 */
  readonly tokenLifetimeSeconds?: number;
  /** Limits on failed password sign-ins (and the clock they count with). @default 5 per 15 minutes */
  readonly signInThrottle?: SignInThrottleOptions;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  /** Only on a password sign-in (as Cognito's REFRESH_TOKEN_AUTH, a refresh does not return a new one). */
  readonly refreshToken?: string;
  readonly refreshExpiresIn?: number;
}

/** Cognito's default for this platform's user pool client (infra/constructs/auth.ts). */
export const REFRESH_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/** Only a hash of each refresh token is kept, so a memory dump does not hand out sessions. */
function refreshTokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function hashPassword(password: string, salt: string): string {
  return scryptSync(password, salt, 32).toString('hex');
}

export class LocalIdentityProvider {
  readonly #users = new Map<string, StoredUser>();
  readonly #refreshTokens = new Map<string, { readonly username: string; readonly expiresAt: number }>();
  readonly #folder: string | undefined;
  readonly #privateKey: CryptoKey;
  readonly #publicKey: CryptoKey;
  readonly #throttle: SignInThrottle;
  readonly tokenLifetimeSeconds: number;

  private constructor(
    folder: string | undefined,
    keys: { privateKey: CryptoKey; publicKey: CryptoKey },
    options: LocalIdentityOptions,
  ) {
    this.#folder = folder;
    this.#privateKey = keys.privateKey;
    this.#publicKey = keys.publicKey;
    this.#throttle = createSignInThrottle(options.signInThrottle);
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
    this.#load();
  }

  /** Loads (or creates) the signing key and users under `folder`; keeps everything in memory without one. */
  static async open(folder?: string, options: LocalIdentityOptions = {}): Promise<LocalIdentityProvider> {
    let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
    const keyFile = folder ? join(folder, 'signing-key.json') : undefined;
    if (keyFile && existsSync(keyFile)) {
      const { privateJwk, publicJwk } = JSON.parse(readFileSync(keyFile, 'utf8')) as {
        privateJwk: JWK;
        publicJwk: JWK;
      };
      keys = {
        privateKey: (await importJWK(privateJwk, ALGORITHM)) as CryptoKey,
        publicKey: (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
      };
    } else {
      keys = await generateKeyPair(ALGORITHM, { extractable: true });
      if (folder && keyFile) {
        mkdirSync(folder, { recursive: true });
        const privateJwk = await exportJWK(keys.privateKey);
        const publicJwk = await exportJWK(keys.publicKey);
        writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
      }
    }
    return new LocalIdentityProvider(folder, keys, options);
  }

  /** Adds or replaces a user (idempotent for the seed). */
  upsertUser(input: LocalUserInput): void {
    const salt = randomBytes(16).toString('hex');
    const previous = this.#users.get(input.username);
    this.#users.set(input.username, {
      sub: previous?.sub ?? randomUUID(),
      username: input.username,
      roles: [...input.roles],
      ...(input.merchantId ? { merchantId: input.merchantId } : {}),
      ...(input.totpSecret ? { totpSecret: input.totpSecret } : {}),
      salt,
      hash: hashPassword(input.password, salt),
    });
    this.#save();
  }

  hasUser(username: string): boolean {
    return this.#users.has(username);
  }

  /**
   * A signed token and a refresh token for the user, or why not: a wrong username or password; for a user
   * with an authenticator app, no code (MFA_CODE_REQUIRED, told only once the password is right, and not
   * counted as a failure) or a wrong one (MFA_CODE_INVALID, counted like a wrong password, so that the six
   * digits cannot be guessed faster than the password). Throws SignInThrottledError, even for the right
   * password and code, while the username has too many recent failures. A username not known yet is looked
   * up again in the user file: another process (a test, a seed) may have added it since this one started.
   */
  async issueToken(username: string, password: string, mfaCode?: string): Promise<SignInOutcome> {
    const lockedFor = this.#throttle.lockedFor(username);
    if (lockedFor !== undefined) throw new SignInThrottledError(lockedFor);
    if (!this.#users.has(username)) this.#load();
    const user = this.#users.get(username);
    // Hash even for unknown users so that timing does not reveal which usernames exist.
    const expected = Buffer.from(user?.hash ?? hashPassword('x', 'unknown-user-salt'), 'hex');
    const actual = Buffer.from(hashPassword(password, user?.salt ?? 'unknown-user-salt'), 'hex');
    // Unknown usernames count too, so the throttle's answers do not tell which usernames exist.
    if (!user || !timingSafeEqual(expected, actual)) {
      this.#throttle.recordFailure(username);
      return { ok: false, refusal: 'INVALID_CREDENTIALS' };
    }
    if (user.totpSecret) {
      if (mfaCode === undefined) return { ok: false, refusal: 'MFA_CODE_REQUIRED' };
      if (!totpMatches(user.totpSecret, mfaCode)) {
        this.#throttle.recordFailure(username);
        return { ok: false, refusal: 'MFA_CODE_INVALID' };
      }
    }
    const refreshToken = randomBytes(32).toString('base64url');
    for (const [id, entry] of this.#refreshTokens) if (entry.expiresAt <= Date.now()) this.#refreshTokens.delete(id);
    this.#refreshTokens.set(refreshTokenId(refreshToken), {
      username: user.username,
      expiresAt: Date.now() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000,
    });
    const token = await this.signFor(user.username);
    return { ok: true, token: { ...token, refreshToken, refreshExpiresIn: REFRESH_TOKEN_LIFETIME_SECONDS } };
  }

  /**
   * A new access token for the holder of a refresh token, with the user's current roles; undefined when the
   * refresh token is unknown, expired, or its user is gone.
   */
  async refresh(refreshToken: string): Promise<IssuedToken | undefined> {
    const id = refreshTokenId(refreshToken);
    const entry = this.#refreshTokens.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now() || !this.#users.has(entry.username)) {
      this.#refreshTokens.delete(id);
      return undefined;
    }
    return this.signFor(entry.username);
  }

  /** Signs a token without a password: for tests and the seed's own calls. */
  async signFor(username: string, overrides: Partial<JWTPayload> = {}): Promise<IssuedToken> {
    const user = this.#users.get(username);
    if (!user) throw new Error(`No local user ${username}`);
    return this.mint(user, overrides);
  }

  /** Signs a token for any identity, user file or not: tests use it for throw-away shops and roles. */
  async mint(
    user: { sub: string; username: string; roles: readonly Role[]; merchantId?: string },
    overrides: Partial<JWTPayload> = {},
  ): Promise<IssuedToken> {
    const claims: JWTPayload = {
      [CLAIMS.username]: user.username,
      [CLAIMS.groups]: [...user.roles],
      ...(user.merchantId ? { [CLAIMS.merchantId]: user.merchantId } : {}),
      token_use: 'id',
      ...overrides,
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: 'local' })
      .setSubject(user.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? `${this.tokenLifetimeSeconds}s`)
      .sign(this.#privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokenLifetimeSeconds };
  }

  /**
   * Verifies a token the way API Gateway's JWT authorizer does (signature, issuer, audience, expiry). A token
   * without `exp` is refused: jose only checks `exp` when present, and such a token would never expire.
   */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_CLIENT_ID,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp'],
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  #load(): void {
    if (!this.#folder || !existsSync(join(this.#folder, 'users.json'))) return;
    for (const user of JSON.parse(readFileSync(join(this.#folder, 'users.json'), 'utf8')) as StoredUser[]) {
      this.#users.set(user.username, user);
    }
  }

  #save(): void {
    if (!this.#folder) return;
    mkdirSync(this.#folder, { recursive: true });
    writeFileSync(join(this.#folder, 'users.json'), JSON.stringify([...this.#users.values()], null, 2), {
      mode: 0o600,
    });
  }
}
