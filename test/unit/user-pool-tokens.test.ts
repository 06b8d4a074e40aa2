/**
 * The checks of the authorizer for routes open to both user pools (GET /me in AWS), with two key pairs
 * standing for the pools' keys: what it accepts, what it refuses, and that the claims it passes on are read
 * by the handlers as the JWT authorizer's are.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { principalFromEvent } from '../../functions/runtime/principal.ts';
import { createUserPoolTokenVerifier } from '../../functions/runtime/user-pool-tokens.ts';
import type { UserPoolName } from '../../shared/auth/user-pools.ts';

const ISSUERS: Record<UserPoolName, string> = {
  staff: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_staff',
  merchant: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_shops',
};
const CLIENTS: Record<UserPoolName, string> = { staff: 'staff-client', merchant: 'merchant-client' };

let keys: Record<UserPoolName, CryptoKey>;
let verify: ReturnType<typeof createUserPoolTokenVerifier>;

beforeAll(async () => {
  const pairs = { staff: await generateKeyPair('RS256'), merchant: await generateKeyPair('RS256') };
  keys = { staff: pairs.staff.privateKey, merchant: pairs.merchant.privateKey };
  const jwks = async (pool: UserPoolName) =>
    createLocalJWKSet({ keys: [{ ...(await exportJWK(pairs[pool].publicKey)), kid: pool, alg: 'RS256' }] });
  verify = createUserPoolTokenVerifier([
    { pool: 'staff', issuer: ISSUERS.staff, clientId: CLIENTS.staff, keys: await jwks('staff') },
    { pool: 'merchant', issuer: ISSUERS.merchant, clientId: CLIENTS.merchant, keys: await jwks('merchant') },
  ]);
});

interface TokenOptions {
  readonly pool: UserPoolName;
  readonly signedBy?: UserPoolName;
  readonly claims?: JWTPayload;
  readonly audience?: string;
  readonly exp?: number | false;
}

function token({ pool, signedBy = pool, claims = {}, audience = CLIENTS[pool], exp }: TokenOptions) {
  const jwt = new SignJWT({ token_use: 'id', 'cognito:username': 'someone', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: signedBy })
    .setSubject('user-1')
    .setIssuer(ISSUERS[pool])
    .setAudience(audience)
    .setIssuedAt();
  if (exp !== false) jwt.setExpirationTime(exp ?? '1h');
  return jwt.sign(keys[signedBy]);
}

describe('the authorizer of routes open to both user pools', () => {
  it('accepts an ID token of either pool and passes its claims on as the JWT authorizer does', async () => {
    const staff = await verify(await token({ pool: 'staff', claims: { 'cognito:groups': ['finance', 'admin'] } }));
    expect(staff).toMatchObject({ sub: 'user-1', 'cognito:groups': '[finance admin]', iss: ISSUERS.staff });
    const shop = await verify(
      await token({ pool: 'merchant', claims: { 'cognito:groups': ['merchant'], 'custom:merchantId': 'shop-7' } }),
    );
    expect(shop).toMatchObject({ 'cognito:groups': '[merchant]', 'custom:merchantId': 'shop-7' });
    // The handlers read these claims exactly as they read the JWT authorizer's.
    expect(principalFromEvent({ requestContext: { authorizer: { lambda: shop } } })).toEqual({
      userId: 'user-1',
      username: 'someone',
      roles: ['merchant'],
      merchantId: 'shop-7',
    });
  });

  it('counts only the roles of the token’s own pool: a staff group added in the shop pool grants nothing', async () => {
    const claims = await verify(await token({ pool: 'merchant', claims: { 'cognito:groups': ['merchant', 'admin'] } }));
    expect(claims?.['cognito:groups']).toBe('[merchant]');
  });

  it('refuses a token signed by the other pool’s key, for another client, without exp, expired, or an access token', async () => {
    expect(await verify(await token({ pool: 'staff', signedBy: 'merchant' }))).toBeUndefined();
    expect(await verify(await token({ pool: 'staff', audience: CLIENTS.merchant }))).toBeUndefined();
    expect(await verify(await token({ pool: 'staff', exp: false }))).toBeUndefined();
    expect(await verify(await token({ pool: 'staff', exp: Math.floor(Date.now() / 1000) - 60 }))).toBeUndefined();
    expect(await verify(await token({ pool: 'staff', claims: { token_use: 'access' } }))).toBeUndefined();
    expect(await verify('not-a-jwt')).toBeUndefined();
  });

  it('refuses a token from an issuer it does not know', async () => {
    const stranger = await new SignJWT({ token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: 'staff' })
      .setSubject('user-1')
      .setIssuer('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other')
      .setAudience(CLIENTS.staff)
      .setExpirationTime('1h')
      .sign(keys.staff);
    expect(await verify(stranger)).toBeUndefined();
  });
});
