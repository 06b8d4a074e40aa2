/**
 * The local stand-in for Cognito: a user file with scrypt password hashes and an ES256 signing key, both
 * kept under the data folder. Tokens carry the same claims as a Cognito ID token (sub, cognito:username,
 * cognito:groups, custom:merchantId, aud, iss, token_use), so handlers cannot tell the targets apart.
 * Exists only in the local target: the AWS stack has no such route.
 */
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { CLAIMS, type Role } from '../../../shared/auth/roles.ts';

export const LOCAL_ISSUER = 'urn:voucher-platform:local-idp';
export const LOCAL_CLIENT_ID = 'local-web-client';
const ALGORITHM = 'ES256';

export interface LocalUserInput {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly merchantId?: string;
}

interface StoredUser {
  readonly sub: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly merchantId?: string;
  readonly salt: string;
  readonly hash: string;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

function hashPassword(password: string, salt: string): string {
  return scryptSync(password, salt, 32).toString('hex');
}

export class LocalIdentityProvider {
  readonly #users = new Map<string, StoredUser>();
  readonly #folder: string | undefined;
  readonly #privateKey: CryptoKey;
  readonly #publicKey: CryptoKey;
  readonly tokenLifetimeSeconds: number;

  private constructor(
    folder: string | undefined,
    keys: { privateKey: CryptoKey; publicKey: CryptoKey },
    lifetime: number,
  ) {
    this.#folder = folder;
    this.#privateKey = keys.privateKey;
    this.#publicKey = keys.publicKey;
    this.tokenLifetimeSeconds = lifetime;
    if (folder && existsSync(join(folder, 'users.json'))) {
      for (const user of JSON.parse(readFileSync(join(folder, 'users.json'), 'utf8')) as StoredUser[]) {
        this.#users.set(user.username, user);
      }
    }
  }

  /** Loads (or creates) the signing key and users under `folder`; keeps everything in memory without one. */
  static async open(folder?: string, tokenLifetimeSeconds = 3600): Promise<LocalIdentityProvider> {
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
    return new LocalIdentityProvider(folder, keys, tokenLifetimeSeconds);
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
      salt,
      hash: hashPassword(input.password, salt),
    });
    this.#save();
  }

  hasUser(username: string): boolean {
    return this.#users.has(username);
  }

  /** A signed token for the user, or undefined when the username or password is wrong. */
  async issueToken(username: string, password: string): Promise<IssuedToken | undefined> {
    const user = this.#users.get(username);
    // Hash even for unknown users so that timing does not reveal which usernames exist.
    const expected = Buffer.from(user?.hash ?? hashPassword('x', 'unknown-user-salt'), 'hex');
    const actual = Buffer.from(hashPassword(password, user?.salt ?? 'unknown-user-salt'), 'hex');
    if (!user || !timingSafeEqual(expected, actual)) return undefined;
    return this.signFor(user.username);
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

  /** Verifies a token the way API Gateway's JWT authorizer does (signature, issuer, audience, expiry). */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_CLIENT_ID,
        algorithms: [ALGORITHM],
      });
      return payload;
    } catch {
      return undefined;
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
