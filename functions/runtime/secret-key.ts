/**
 * Reads a random key (base64, at least 32 bytes) from Secrets Manager once per cold start. The local target
 * runs a Secrets Manager endpoint of its own, so this is the same call in both targets.
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { createSecretsClient } from '../../shared/aws/clients.ts';
import type { SecretName } from '../routes/route.ts';
import { awsClientOptions, type BaseConfigSchema, loadConfig } from './config.ts';
import { secretIdVariable } from './environment-variables.ts';
import { once } from './once.ts';

/**
 * A loader for the platform secret `secret` (its id is in e.g. PERSON_KEY_SECRET_ID); `what` names it in errors.
 * Nothing happens until the loader is called: a module that builds one at import marks the call pure, so a
 * bundle that reaches the module without using the key leaves the Secrets Manager client out.
 */
export function secretKeyLoader(secret: SecretName, what: string): () => Promise<Buffer> {
  const variable = secretIdVariable(secret);
  // A failed fetch (throttling, network) must not poison the warm container: `once` lets the next request retry.
  return once(async () => {
    // Named by the caller's variable, so a missing one is reported under its own name.
    const config = loadConfig({ [variable]: z.string().check(z.minLength(1)) });
    const client = createSecretsClient(awsClientOptions(config as z.infer<typeof BaseConfigSchema>));
    const secretId = String(config[variable]);
    const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    client.destroy();
    const value = Buffer.from(secret.SecretString ?? '', 'base64');
    // A short key would make the keyed hash guessable; refuse to run with one.
    if (value.length < 32) throw new Error(`The ${what} secret must hold at least 32 random bytes, base64-encoded`);
    return value;
  });
}
