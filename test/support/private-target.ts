/**
 * A local target of a test file's own, for tests whose effects are global (a settlement run settles every
 * shop's purchases): they must not see, nor be seen by, the shared target's other test files.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import { type LocalTarget, type LocalTargetOptions, startLocalTarget } from '../../infra/local/target.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { TableContext } from '../../shared/data/table.ts';
import type { ApiAnswer, ApiCall } from './local-target.ts';

export interface PrivateTarget {
  readonly target: LocalTarget;
  readonly table: TableContext;
  readonly codeKey: Buffer;
  /** A bearer token for a throw-away user with these roles. */
  token(roles: Role[], merchantId?: string): Promise<string>;
  api<T = Record<string, unknown>>(path: string, call?: ApiCall): Promise<ApiAnswer<T>>;
  /** The mails the local SES has captured since the target started. */
  mails(): Promise<CapturedMail[]>;
  stop(): Promise<void>;
}

export interface CapturedMail {
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: ReadonlyArray<{ readonly filename: string; readonly content: string }>;
  readonly at: number;
}

export async function startPrivateTarget(options: LocalTargetOptions = {}): Promise<PrivateTarget> {
  const identityDir = mkdtempSync(join(tmpdir(), 'voucher-private-identity-'));
  const target = await startLocalTarget({ identityDir, schedules: false, ...options });
  for (const url of [target.apiUrl, ...Object.values(target.endpoints)]) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`Refusing to test against ${url}`);
  }
  const table = {
    doc: createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints }).doc,
    tableName: target.tableName,
  };
  const codeKey = await voucherCodeKey();
  return {
    target,
    table,
    codeKey,
    async token(roles, merchantId) {
      const issued = await target.identity.mint({
        sub: randomUUID(),
        username: `${roles.join('-')}-${randomUUID().slice(0, 8)}`,
        roles,
        ...(merchantId ? { merchantId } : {}),
      });
      return issued.accessToken;
    },
    async api<T>(path: string, call: ApiCall = {}) {
      const headers: Record<string, string> = { ...call.headers };
      if (call.token) headers.authorization = `Bearer ${call.token}`;
      if (call.body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${target.apiUrl}${path}`, {
        method: call.method ?? 'GET',
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      });
      const text = await response.text();
      const body = (text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T;
      return { status: response.status, headers: response.headers, body };
    },
    async mails() {
      const response = await fetch(`${target.mailUrl}/store`);
      return ((await response.json()) as { emails: CapturedMail[] }).emails;
    },
    async stop() {
      table.doc.destroy();
      await target.stop();
      rmSync(identityDir, { recursive: true, force: true });
    },
  };
}
