/**
 * Checks a Cognito ID token against several user pools, as API Gateway's JWT authorizer does against one:
 * signature by the pool's keys, issuer, audience (the pool's app client), expiry, `token_use: id`. The
 * claims come back flattened as that authorizer presents them (`cognito:groups` as `[a b]`), keeping only
 * the groups that are roles of the token's own pool, so a group added by hand to the wrong pool grants nothing.
 */
import { decodeJwt, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { CLAIMS, isRole, type Role } from '../../shared/auth/roles.ts';
import { USER_POOL_OF_ROLE, type UserPoolName } from '../../shared/auth/user-pools.ts';

export interface TrustedUserPool {
  readonly pool: UserPoolName;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` */
  readonly issuer: string;
  readonly clientId: string;
  /** The pool's signing keys (its JWKS). */
  readonly keys: JWTVerifyGetKey;
}

/** The claims the handlers read (functions/runtime/principal.ts), as strings. */
export type FlatClaims = Record<string, string>;

const PASSED_ON = [CLAIMS.subject, CLAIMS.username, CLAIMS.groups, CLAIMS.merchantId, 'iss', 'token_use'] as const;

export function createUserPoolTokenVerifier(pools: readonly TrustedUserPool[]) {
  const byIssuer = new Map(pools.map((pool) => [pool.issuer, pool]));
  return async (token: string): Promise<FlatClaims | undefined> => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    const pool = typeof issuer === 'string' ? byIssuer.get(issuer) : undefined;
    if (!pool) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, pool.keys, {
        issuer: pool.issuer,
        audience: pool.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      return undefined;
    }
    if (payload.token_use !== 'id') return undefined;
    const groups = Array.isArray(payload[CLAIMS.groups]) ? (payload[CLAIMS.groups] as unknown[]) : [];
    const roles = groups.filter(
      (group): group is Role => typeof group === 'string' && isRole(group) && USER_POOL_OF_ROLE[group] === pool.pool,
    );
    const claims: FlatClaims = {};
    for (const name of PASSED_ON) {
      const value = name === CLAIMS.groups ? `[${roles.join(' ')}]` : payload[name];
      if (typeof value === 'string') claims[name] = value;
    }
    return claims;
  };
}
