/**
 * The HMAC key of voucher codes, read from Secrets Manager once per cold start (the local target runs a
 * Secrets Manager endpoint of its own, so this is the same call in both targets).
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { createSecretsClient } from '../../shared/aws/clients.ts';
import { awsClientOptions, loadConfig } from './config.ts';

let key: Promise<Buffer> | undefined;

export function voucherCodeKey(): Promise<Buffer> {
  key ??= (async () => {
    const config = loadConfig({ VOUCHER_CODE_KEY_SECRET_ID: z.string().min(1) });
    const client = createSecretsClient(awsClientOptions(config));
    const secret = await client.send(new GetSecretValueCommand({ SecretId: config.VOUCHER_CODE_KEY_SECRET_ID }));
    client.destroy();
    const value = Buffer.from(secret.SecretString ?? '', 'base64');
    // A short key would make the keyed hash guessable; refuse to run with one.
    if (value.length < 32)
      throw new Error('The voucher code key secret must hold at least 32 random bytes, base64-encoded');
    return value;
  })();
  // A failed fetch (throttling, network) must not poison the warm container: the next request retries.
  key.catch(() => {
    key = undefined;
  });
  return key;
}
