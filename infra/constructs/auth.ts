/**
 * Sign-in for the town's staff and for shopkeepers: two Cognito user pools, because MFA is a pool setting.
 * The staff pool (admin, staff, finance) requires TOTP; the merchant pool keeps password sign-in on the tills.
 * Each pool's groups are its roles (shared/auth/user-pools.ts), and the HTTP API's authorizers accept each
 * pool's ID tokens on the routes of its roles.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  type ICustomAttribute,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIMS } from '../../shared/auth/roles.ts';
import { rolesOfUserPool, USER_POOLS, type UserPoolName } from '../../shared/auth/user-pools.ts';

/** `custom:merchantId` in the token is the attribute `merchantId` in the pool. */
const MERCHANT_ID_ATTRIBUTE = CLAIMS.merchantId.replace(/^custom:/, '');

export interface AuthProps {
  /** Production keeps the pools (and their users) when the stack is deleted; other stages do not. */
  readonly retainUsers: boolean;
  /**
   * ID token lifetime: how long a stolen token stays usable.
   * @default Duration.hours(1)
   */
  readonly idTokenValidity?: Duration;
  /**
   * Refresh token lifetime: a working day, so staff and shopkeepers sign in once a day.
   * @default Duration.hours(12)
   */
  readonly refreshTokenValidity?: Duration;
}

/** One pool with the app client the pages sign in with. */
export interface SignInPool {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The `iss` claim of the pool's tokens: what the API's authorizers check. */
  readonly issuerUrl: string;
}

/** What differs between the two pools. */
interface PoolSettings {
  readonly mfa: Mfa;
  readonly customAttributes: Readonly<Record<string, ICustomAttribute>>;
}

const POOL_SETTINGS: Readonly<Record<UserPoolName, PoolSettings>> = {
  // Staff see personal data, void vouchers and approve payouts: a password alone is not enough. TOTP only:
  // SMS codes can be intercepted (SIM swap) and would need an SNS role and a spending limit.
  staff: { mfa: Mfa.REQUIRED, customAttributes: {} },
  // Shopkeepers sign in once a day on a shared till (12-hour refresh token); threat protection below
  // blocks leaked-credential and risky sign-ins, and a shop's account sees only its own sales.
  merchant: {
    mfa: Mfa.OFF,
    customAttributes: {
      // Mutable so an administrator can move a shopkeeper's account to another shop.
      [MERCHANT_ID_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
    },
  },
};

/**
 * Construct ids: the merchant pool keeps the id the single pool had, so that an existing stage keeps its
 * shopkeepers' accounts; staff accounts move to the new pool (created by an administrator, TOTP at first sign-in).
 */
const POOL_IDS: Readonly<Record<UserPoolName, string>> = { merchant: 'UserPool', staff: 'StaffUserPool' };

export class Auth extends Construct {
  readonly pools: Readonly<Record<UserPoolName, SignInPool>>;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const pools = {} as Record<UserPoolName, SignInPool>;
    for (const pool of USER_POOLS) pools[pool] = this.#createPool(pool, props);
    this.pools = pools;
  }

  #createPool(pool: UserPoolName, props: AuthProps): SignInPool {
    const settings = POOL_SETTINGS[pool];
    const userPool = new UserPool(this, POOL_IDS[pool], {
      // Accounts are created by the town's administrators, never by the public.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { ...settings.customAttributes },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: settings.mfa,
      ...(settings.mfa === Mfa.OFF ? {} : { mfaSecondFactor: { otp: true, sms: false } }),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection: blocks sign-ins with leaked credentials and risky sign-ins, which
      // matters for accounts that see personal data and approve payouts. Its per-user price is negligible
      // at the scale of a town's staff and shops.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retainUsers,
      removalPolicy: props.retainUsers ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (settings.mfa !== Mfa.REQUIRED) {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'Shopkeepers only (admin, staff and finance sign in to the staff pool, which requires TOTP): they sign ' +
          'in on shared till devices once a working day; threat protection (Plus tier, enforced) blocks ' +
          "leaked-credential and risky sign-ins, and a shop's account reaches only its own sales and vouchers.",
      });
    }

    // Group names are the role names the handlers find in `cognito:groups`; precedence orders the roles
    // when a user is in several groups (lowest first), as Cognito requires for its role-mapping features.
    rolesOfUserPool(pool).forEach((role, index) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool,
        groupName: role,
        precedence: index * 10,
        description: `Platform role ${role} (shared/auth/roles.ts)`,
      });
    });

    const customAttributes = Object.keys(settings.customAttributes);
    const userPoolClient = userPool.addClient('WebClient', {
      // Browser pages cannot keep a secret.
      generateSecret: false,
      // The pages sign in with plain fetch calls to InitiateAuth: USER_PASSWORD_AUTH (the password travels
      // over TLS to Cognito only, never to our API) and REFRESH_TOKEN_AUTH, which every client allows.
      // SRP stays allowed for tools. No hosted UI, so no OAuth flows or callback URLs.
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: props.idTokenValidity ?? Duration.hours(1),
      accessTokenValidity: props.idTokenValidity ?? Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes(...customAttributes),
      // Users may change their name and language, never their shop (custom:merchantId decides which shop's
      // data they see) nor their email (where password resets go): only administrators change those.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });

    const stack = Stack.of(this);
    const issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`;
    return { userPool, userPoolClient, issuerUrl };
  }
}
