/**
 * A local Secrets Manager endpoint: just GetSecretValue, over the same JSON protocol as AWS, so handlers
 * read their secrets (the voucher code key) with the same SDK call in both targets. Secrets are generated
 * on first use and kept in `<dataDir>/secrets.json` (mode 600), or in memory for tests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import type { RunningService } from './service.ts';

export interface SecretsOptions {
  readonly port: number;
  /** JSON file holding the secrets; in memory when absent. */
  readonly file?: string;
  /** Secret names to create (32 random bytes, base64) when they do not exist yet. */
  readonly generate: readonly string[];
}

function load(file: string | undefined): Record<string, string> {
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

export async function startSecrets(options: SecretsOptions): Promise<RunningService> {
  const secrets = load(options.file);
  let changed = false;
  for (const name of options.generate) {
    if (secrets[name]) continue;
    secrets[name] = randomBytes(32).toString('base64');
    changed = true;
  }
  if (changed && options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    writeFileSync(options.file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      };
      if (request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        reply(400, { __type: 'UnknownOperationException', message: 'Only GetSecretValue is emulated locally' });
        return;
      }
      const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
      const name =
        SecretId?.split(':')
          .at(-1)
          ?.replace(/-[A-Za-z0-9]{6}$/, '') ?? '';
      const value = secrets[SecretId ?? ''] ?? secrets[name];
      if (!value) {
        reply(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      reply(200, {
        ARN: `arn:aws:secretsmanager:eu-west-1:000000000000:secret:${name}`,
        Name: name,
        SecretString: value,
        VersionId: 'local',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 0,
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
