/** Sign-in: groups are the platform's roles, no self sign-up, and a client that cannot rewrite its shop. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS, ROLES } from '../../shared/auth/roles.ts';
import { resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;
let prod: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  prod = synthStack('prod', { bundle: false });
});

const merchantAttribute = CLAIMS.merchantId.replace(/^custom:/, '');

describe('the user pool', () => {
  it('has one group per role of shared/auth/roles.ts', () => {
    const groups = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((group) => group.Properties?.GroupName).sort()).toEqual([...ROLES].sort());
  });

  it('lets only administrators create users, with a strong password policy and threat protection', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
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
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('carries a mutable merchantId attribute', () => {
    const pool = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPool'))[0];
    expect(pool?.Properties?.Schema).toContainEqual(
      expect.objectContaining({ Name: merchantAttribute, AttributeDataType: 'String', Mutable: true }),
    );
  });

  it('is protected from deletion and retained in prod only', () => {
    const prodPool = Object.values(resourcesOfType(prod.template, 'AWS::Cognito::UserPool'))[0];
    expect(prodPool?.DeletionPolicy).toBe('Retain');
    expect(prodPool?.Properties?.DeletionProtection).toBe('ACTIVE');
    const devPool = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPool'))[0];
    expect(devPool?.DeletionPolicy).toBe('Delete');
    expect(devPool?.Properties?.DeletionProtection).toBe('INACTIVE');
  });
});

describe('the web client', () => {
  it('signs in as the pages do (password over TLS, refresh), has no secret and short-lived tokens', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
    const client = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolClient'))[0];
    expect([...((client?.Properties?.ExplicitAuthFlows as string[] | undefined) ?? [])].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('reads the merchant id but cannot write it (a shopkeeper cannot switch shops)', () => {
    const client = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolClient'))[0];
    expect(client?.Properties?.ReadAttributes).toContain(CLAIMS.merchantId);
    const writable = client?.Properties?.WriteAttributes as string[];
    expect(writable.length).toBeGreaterThan(0);
    expect(writable).not.toContain(CLAIMS.merchantId);
    expect(writable).not.toContain('email');
  });
});
