/**
 * The authorizer of the routes open to both user pools (GET /me): API Gateway's JWT authorizer trusts one
 * issuer, this one each pool's (functions/runtime/user-pool-tokens.ts). Simple responses: the claims it
 * passes on are what the handlers read, under `requestContext.authorizer.lambda`.
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { createRemoteJWKSet } from 'jose';
import * as z from 'zod/mini';
import { USER_POOLS } from '../../shared/auth/user-pools.ts';
import { loadConfig } from '../runtime/config.ts';
import { userPoolClientIdVariable, userPoolIssuerVariable } from '../runtime/environment-variables.ts';
import { createUserPoolTokenVerifier, type FlatClaims } from '../runtime/user-pool-tokens.ts';

const config = loadConfig(
  Object.fromEntries(
    USER_POOLS.flatMap((pool) => [
      [userPoolIssuerVariable(pool), z.url().check(z.startsWith('https://cognito-idp.'))],
      [userPoolClientIdVariable(pool), z.string().check(z.minLength(1))],
    ]),
  ),
) as Record<string, string>;

// The keys are fetched once per cold start and cached by jose (refetched when a token names an unknown kid).
const verify = createUserPoolTokenVerifier(
  USER_POOLS.map((pool) => {
    const issuer = config[userPoolIssuerVariable(pool)] ?? '';
    return {
      pool,
      issuer,
      clientId: config[userPoolClientIdVariable(pool)] ?? '',
      keys: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
    };
  }),
);

export async function handler(
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<FlatClaims>> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(event.headers?.authorization ?? '')?.[1];
  const claims = bearer ? await verify(bearer) : undefined;
  return claims ? { isAuthorized: true, context: claims } : { isAuthorized: false, context: {} };
}
