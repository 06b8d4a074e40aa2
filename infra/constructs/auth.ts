/**
 * Sign-in for staff, finance and shopkeepers: a Cognito user pool whose groups are the platform's roles
 * (shared/auth/roles.ts) and whose ID tokens the HTTP API's JWT authorizer accepts.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIMS, ROLES } from '../../shared/auth/roles.ts';

/** `custom:merchantId` in the token is the attribute `merchantId` in the pool. */
const MERCHANT_ID_ATTRIBUTE = CLAIMS.merchantId.replace(/^custom:/, '');

export interface AuthProps {
  /** Production keeps the pool (and its users) when the stack is deleted; other stages do not. */
  readonly retainUsers: boolean;
  /**
   * Whether users must enrol a second factor. OPTIONAL lets each user turn TOTP on; REQUIRED needs the
   * pages to walk users through TOTP enrolment at first sign-in.
   * @default Mfa.OPTIONAL
   */
  readonly mfa?: Mfa.OPTIONAL | Mfa.REQUIRED;
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

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The `iss` claim of the pool's tokens: what the JWT authorizer checks. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const mfa = props.mfa ?? Mfa.OPTIONAL;

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by the town's administrators, never by the public.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Mutable so an administrator can move a shopkeeper's account to another shop.
        [MERCHANT_ID_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection: blocks sign-ins with leaked credentials and risky sign-ins, which
      // matters for accounts that see personal data and approve payouts. Its per-user price is negligible
      // at the scale of a town's staff and shops.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retainUsers,
      removalPolicy: props.retainUsers ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (mfa !== Mfa.REQUIRED) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) because the MFA setting is pool-wide and shopkeepers sign in on shared ' +
          'till devices; threat protection (Plus tier, enforced) blocks leaked-credential and risky sign-ins. ' +
          'Switch the `mfa` prop to REQUIRED once the pages support TOTP enrolment.',
      });
    }

    // Group names are the role names the handlers find in `cognito:groups`; precedence orders the roles
    // when a user is in several groups (lowest first), as Cognito requires for its role-mapping features.
    ROLES.forEach((role, index) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        precedence: index * 10,
        description: `Platform role ${role} (shared/auth/roles.ts)`,
      });
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
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
        .withCustomAttributes(MERCHANT_ID_ATTRIBUTE),
      // Users may change their name and language, never their shop (custom:merchantId decides which shop's
      // data they see) nor their email (where password resets go): only administrators change those.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });

    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}
