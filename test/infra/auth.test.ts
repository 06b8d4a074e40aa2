/**
 * Sign-in: two pools, because MFA is a pool setting. The staff pool (admin, staff, finance) requires TOTP and
 * nothing else; the merchant pool keeps password sign-in. Groups are the roles, no self sign-up, and a client
 * that cannot rewrite its shop.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignInPool } from '../../infra/constructs/auth.ts';
import { CLAIMS, ROLES } from '../../shared/auth/roles.ts';
import { rolesOfUserPool, USER_POOLS, type UserPoolName } from '../../shared/auth/user-pools.ts';
import { logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;
let prod: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  prod = synthStack('prod', { bundle: false });
});

const merchantAttribute = CLAIMS.merchantId.replace(/^custom:/, '');

function poolResource(synthesised: Synthesised, name: UserPoolName) {
  const pool = synthesised.stack.auth.pools[name];
  const resource = resourcesOfType(synthesised.template, 'AWS::Cognito::UserPool')[
    logicalIdOf(synthesised.stack, pool.userPool)
  ];
  if (!resource) throw new Error(`no ${name} user pool in the template`);
  return resource;
}

function clientResource(name: UserPoolName) {
  const pool: SignInPool = dev.stack.auth.pools[name];
  const resource = resourcesOfType(dev.template, 'AWS::Cognito::UserPoolClient')[
    logicalIdOf(dev.stack, pool.userPoolClient)
  ];
  if (!resource) throw new Error(`no ${name} client in the template`);
  return resource;
}

describe('the user pools', () => {
  it('are two: one for the town’s staff, one for shopkeepers, each with its own client', () => {
    dev.template.resourceCountIs('AWS::Cognito::UserPool', 2);
    dev.template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    for (const name of USER_POOLS) {
      expect(clientResource(name).Properties?.UserPoolId).toEqual({
        Ref: logicalIdOf(dev.stack, dev.stack.auth.pools[name].userPool),
      });
    }
  });

  it('the staff pool requires MFA by authenticator app (TOTP) only, never SMS', () => {
    const staff = poolResource(dev, 'staff').Properties ?? {};
    expect(staff.MfaConfiguration).toBe('ON');
    expect(staff.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(staff.SmsConfiguration).toBeUndefined();
    expect(poolResource(prod, 'staff').Properties?.MfaConfiguration).toBe('ON');
  });

  it('the merchant pool does not require MFA: shopkeepers sign in with their password on the till', () => {
    expect(poolResource(dev, 'merchant').Properties?.MfaConfiguration).toBe('OFF');
    expect(poolResource(prod, 'merchant').Properties?.MfaConfiguration).toBe('OFF');
  });

  it('each pool has one group per role of its accounts, and together every role of shared/auth/roles.ts', () => {
    const groups = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((group) => group.Properties?.GroupName).sort()).toEqual([...ROLES].sort());
    for (const name of USER_POOLS) {
      const poolRef = { Ref: logicalIdOf(dev.stack, dev.stack.auth.pools[name].userPool) };
      const names = groups
        .filter((group) => JSON.stringify(group.Properties?.UserPoolId) === JSON.stringify(poolRef))
        .map((group) => group.Properties?.GroupName);
      expect(names.sort(), name).toEqual(rolesOfUserPool(name).sort());
    }
    expect(rolesOfUserPool('staff').sort()).toEqual(['admin', 'finance', 'staff']);
  });

  it('let only administrators create users, with a strong password policy and threat protection', () => {
    for (const name of USER_POOLS) {
      expect(poolResource(dev, name).Properties, name).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          },
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
    }
  });

  it('only the merchant pool carries a mutable merchantId attribute', () => {
    expect(poolResource(dev, 'merchant').Properties?.Schema).toContainEqual(
      expect.objectContaining({ Name: merchantAttribute, AttributeDataType: 'String', Mutable: true }),
    );
    const staffSchema = (poolResource(dev, 'staff').Properties?.Schema ?? []) as { Name: string }[];
    expect(staffSchema.map((attribute) => attribute.Name)).not.toContain(merchantAttribute);
  });

  it('are protected from deletion and retained in prod only', () => {
    for (const name of USER_POOLS) {
      const prodPool = poolResource(prod, name);
      expect(prodPool.DeletionPolicy, name).toBe('Retain');
      expect(prodPool.Properties?.DeletionProtection, name).toBe('ACTIVE');
      const devPool = poolResource(dev, name);
      expect(devPool.DeletionPolicy, name).toBe('Delete');
      expect(devPool.Properties?.DeletionProtection, name).toBe('INACTIVE');
    }
  });
});

describe('the web clients', () => {
  it('sign in as the pages do (password over TLS, refresh), have no secret and short-lived tokens', () => {
    for (const name of USER_POOLS) {
      const client = clientResource(name).Properties ?? {};
      expect(client, name).toMatchObject({
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
        RefreshTokenValidity: 720,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
      });
      expect([...((client.ExplicitAuthFlows as string[] | undefined) ?? [])].sort(), name).toEqual([
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
      ]);
    }
  });

  it('the merchant client reads the merchant id but cannot write it (a shopkeeper cannot switch shops)', () => {
    const client = clientResource('merchant').Properties ?? {};
    expect(client.ReadAttributes).toContain(CLAIMS.merchantId);
    const writable = client.WriteAttributes as string[];
    expect(writable.length).toBeGreaterThan(0);
    expect(writable).not.toContain(CLAIMS.merchantId);
    expect(writable).not.toContain('email');
    expect(clientResource('staff').Properties?.WriteAttributes).not.toContain('email');
  });
});
