/**
 * A test double of Cognito's user pool API (the JSON protocol the pages speak by plain fetch), for a pool
 * like the staff pool: MFA required, software token (TOTP) only. It answers as the API reference documents:
 * InitiateAuth USER_PASSWORD_AUTH gives MFA_SETUP (no authenticator yet) or SOFTWARE_TOKEN_MFA with a
 * session; AssociateSoftwareToken and VerifySoftwareToken take and give sessions; RespondToAuthChallenge
 * gives the tokens; errors are HTTP 400 `{ "__type", "message" }`. Sessions last 3 minutes on the double's
 * clock; a wrong code leaves the challenge standing. No network: `answer` is called by a stubbed fetch (unit
 * tests) or by a browser route (e2e).
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export interface CognitoDoubleUser {
  readonly username: string;
  readonly password: string;
  /** Set once an authenticator is verified (or given from the start). */
  totpSecret?: string;
}

interface PendingSession {
  readonly username: string;
  readonly challenge: 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA' | 'ASSOCIATED' | 'VERIFIED';
  readonly createdAt: number;
  readonly secret?: string;
}

export interface CognitoAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export const SESSION_LIFETIME_MS = 3 * 60_000;
export const COGNITO_JSON = 'application/x-amz-json-1.1';

const fail = (type: string, message: string): CognitoAnswer => ({ status: 400, body: { __type: type, message } });

export function totpNow(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
}

export class CognitoDouble {
  readonly clientId: string;
  readonly users = new Map<string, CognitoDoubleUser>();
  /** Every call, in order: its operation (the x-amz-target's last part) and JSON body. */
  readonly calls: Array<{ operation: string; body: Record<string, unknown> }> = [];
  readonly devices: Array<{ username: string; friendlyName: unknown }> = [];
  now: () => number = Date.now;
  readonly #sessions = new Map<string, PendingSession>();

  constructor(clientId: string, users: readonly CognitoDoubleUser[]) {
    this.clientId = clientId;
    for (const user of users) this.users.set(user.username, { ...user });
  }

  /** The answer to one POST to https://cognito-idp.<region>.amazonaws.com/. */
  answer(headers: Readonly<Record<string, string>>, rawBody: string): CognitoAnswer {
    const target = headers['x-amz-target'] ?? '';
    if (
      !headers['content-type']?.startsWith(COGNITO_JSON) ||
      !target.startsWith('AWSCognitoIdentityProviderService.')
    ) {
      return fail('UnknownOperationException', '');
    }
    const operation = target.slice('AWSCognitoIdentityProviderService.'.length);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return fail('SerializationException', 'Start of structure or map found where not expected.');
    }
    this.calls.push({ operation, body });
    switch (operation) {
      case 'InitiateAuth':
        return this.#initiate(body);
      case 'RespondToAuthChallenge':
        return this.#respond(body);
      case 'AssociateSoftwareToken':
        return this.#associate(body);
      case 'VerifySoftwareToken':
        return this.#verify(body);
      case 'RevokeToken':
        return { status: 200, body: {} };
      default:
        return fail('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  #initiate(body: Record<string, unknown>): CognitoAnswer {
    if (body.ClientId !== this.clientId) return fail('ResourceNotFoundException', 'User pool client does not exist.');
    const parameters = (body.AuthParameters ?? {}) as Record<string, string>;
    if (body.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      return parameters.REFRESH_TOKEN?.startsWith('refresh-')
        ? { status: 200, body: { AuthenticationResult: this.#tokens(false), ChallengeParameters: {} } }
        : fail('NotAuthorizedException', 'Invalid Refresh Token');
    }
    if (body.AuthFlow !== 'USER_PASSWORD_AUTH') return fail('InvalidParameterException', 'Unsupported AuthFlow');
    const user = this.users.get(parameters.USERNAME ?? '');
    if (!user || user.password !== parameters.PASSWORD) {
      return fail('NotAuthorizedException', 'Incorrect username or password.');
    }
    const challenge = user.totpSecret ? 'SOFTWARE_TOKEN_MFA' : 'MFA_SETUP';
    return {
      status: 200,
      body: {
        ChallengeName: challenge,
        ChallengeParameters:
          challenge === 'MFA_SETUP'
            ? { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: user.username }
            : { USER_ID_FOR_SRP: user.username },
        Session: this.#open({ username: user.username, challenge }),
      },
    };
  }

  #respond(body: Record<string, unknown>): CognitoAnswer {
    if (body.ClientId !== this.clientId) return fail('ResourceNotFoundException', 'User pool client does not exist.');
    const responses = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const session = this.#session(body.Session);
    if (!session) return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    if (responses.USERNAME !== session.username) {
      return fail('NotAuthorizedException', 'Invalid session for the user.');
    }
    const user = this.users.get(session.username);
    if (body.ChallengeName === 'SOFTWARE_TOKEN_MFA' && session.challenge === 'SOFTWARE_TOKEN_MFA' && user?.totpSecret) {
      if (!this.#matches(user.totpSecret, responses.SOFTWARE_TOKEN_MFA_CODE)) {
        return fail('CodeMismatchException', 'Invalid code received for user');
      }
    } else if (body.ChallengeName !== 'MFA_SETUP' || session.challenge !== 'VERIFIED') {
      return fail('InvalidParameterException', 'Invalid challenge for this session');
    }
    this.#sessions.delete(String(body.Session));
    return { status: 200, body: { AuthenticationResult: this.#tokens(true), ChallengeParameters: {} } };
  }

  #associate(body: Record<string, unknown>): CognitoAnswer {
    const session = this.#session(body.Session);
    if (session?.challenge !== 'MFA_SETUP') {
      return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    }
    this.#sessions.delete(String(body.Session));
    const secret = new Secret({ size: 20 }).base32;
    return {
      status: 200,
      body: {
        SecretCode: secret,
        Session: this.#open({ username: session.username, challenge: 'ASSOCIATED', secret }),
      },
    };
  }

  #verify(body: Record<string, unknown>): CognitoAnswer {
    const session = this.#session(body.Session);
    if (!session?.secret || session.challenge !== 'ASSOCIATED') {
      return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    }
    if (!this.#matches(session.secret, body.UserCode)) {
      return fail('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
    }
    this.#sessions.delete(String(body.Session));
    const user = this.users.get(session.username);
    if (user) user.totpSecret = session.secret;
    this.devices.push({ username: session.username, friendlyName: body.FriendlyDeviceName });
    return {
      status: 200,
      body: { Status: 'SUCCESS', Session: this.#open({ username: session.username, challenge: 'VERIFIED' }) },
    };
  }

  #open(session: Omit<PendingSession, 'createdAt'>): string {
    const id = `session-${randomBytes(24).toString('base64url')}`;
    this.#sessions.set(id, { ...session, createdAt: this.now() });
    return id;
  }

  #session(id: unknown): PendingSession | undefined {
    const session = typeof id === 'string' ? this.#sessions.get(id) : undefined;
    if (!session || session.createdAt + SESSION_LIFETIME_MS <= this.now()) return undefined;
    return session;
  }

  #matches(secret: string, code: unknown): boolean {
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
    return (
      new TOTP({ secret: Secret.fromBase32(secret) }).validate({ token: code, timestamp: this.now(), window: 1 }) !==
      null
    );
  }

  #tokens(withRefresh: boolean): Record<string, unknown> {
    const id = randomBytes(8).toString('hex');
    return {
      AccessToken: `access-${id}`,
      ExpiresIn: 3600,
      IdToken: `id-${id}`,
      TokenType: 'Bearer',
      ...(withRefresh ? { RefreshToken: `refresh-${id}` } : {}),
    };
  }
}
