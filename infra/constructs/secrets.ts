/**
 * The platform's secrets in Secrets Manager, by the logical names routes ask for in their permissions
 * (e.g. `secrets: ['voucherCodeKey']`); the local target serves the same names from its own endpoint.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretName } from '../../functions/routes/route.ts';

/** Each secret the route table can name, and why it exists: a new SecretName fails to compile here. */
const SECRET_DESCRIPTIONS: Readonly<Record<SecretName, string>> = {
  voucherCodeKey: 'HMAC key of voucher codes (functions/runtime/code-key.ts): losing or changing it voids every letter',
  personKey:
    'HMAC key of national numbers and household ids (shared/people/person-ref.ts): changing it breaks de-duplication of re-imports',
};

export interface PlatformSecretsProps {
  /** Production keeps the secrets when the stack is deleted: vouchers already printed depend on them. */
  readonly retain: boolean;
}

export class PlatformSecrets extends Construct {
  readonly secrets: Readonly<Record<SecretName, Secret>>;

  constructor(scope: Construct, id: string, props: PlatformSecretsProps) {
    super(scope, id);
    const keySecret = (id: string, name: SecretName) =>
      new Secret(this, id, {
        description: SECRET_DESCRIPTIONS[name],
        // The handler decodes the value as base64 and wants at least 32 bytes: 64 characters of [A-Za-z0-9]
        // are valid base64 (48 bytes) and carry about 380 bits of randomness.
        generateSecretString: {
          passwordLength: 64,
          excludePunctuation: true,
          includeSpace: false,
          requireEachIncludedType: true,
        },
        removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
    const voucherCodeKey = keySecret('VoucherCodeKey', 'voucherCodeKey');
    Validations.of(voucherCodeKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Never rotated: voucher codes printed on letters are derived from this key, so a new key would void ' +
        'every letter already sent. It is readable only by the functions whose routes declare it.',
    });
    const personKey = keySecret('PersonKey', 'personKey');
    Validations.of(personKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Never rotated: people and households are stored under keyed hashes made with this key, so a new key ' +
        'would make every re-import create the same people again. Readable only by the functions that declare it.',
    });
    this.secrets = { voucherCodeKey, personKey };
  }
}
