/**
 * What connected tests know of the running local target, and helpers to call it. Refuses to run
 * against anything but 127.0.0.1: these tests write data and must never reach a real AWS account.
 */
import { inject } from 'vitest';
import type { RunningEndpoints } from '../../infra/local/resources.ts';
import type { DemoUser } from '../../infra/local/seed/demo-town.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { TableContext } from '../../shared/data/table.ts';

export interface LocalTargetInfo {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly mailUrl: string;
  readonly endpoints: RunningEndpoints;
  readonly tableName: string;
  readonly buckets: Readonly<Record<string, string>>;
  /** Where the local identity provider keeps its key and users: tests can mint tokens. */
  readonly identityDir: string;
  readonly campaignId: string;
  readonly users: readonly DemoUser[];
  readonly demoVoucherCodes: readonly string[];
  readonly codeKeyBase64: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localTarget: LocalTargetInfo;
  }
}

const LOCAL = /^http:\/\/127\.0\.0\.1:\d+$/;

export function localTarget(): LocalTargetInfo {
  const info = inject('localTarget');
  for (const url of [info.apiUrl, info.webUrl, info.mailUrl, ...Object.values(info.endpoints)]) {
    if (!LOCAL.test(url)) throw new Error(`Refusing to run connected tests against ${url}: only 127.0.0.1 is allowed.`);
  }
  return info;
}

/** The platform table, with a client built exactly as handlers build theirs. */
export function localTable(): TableContext {
  const info = localTarget();
  return {
    doc: createDynamoDbClients({ region: 'eu-west-1', endpoints: info.endpoints }).doc,
    tableName: info.tableName,
  };
}

export function demoUser(role: Role, index = 0) {
  const user = localTarget().users.filter((candidate) => candidate.role === role)[index];
  if (!user) throw new Error(`No demo user with role ${role} #${index}`);
  return user;
}

const tokens = new Map<string, Promise<string>>();

/** A bearer token for a demo user, obtained through POST /auth/local/token like a page would. */
export function tokenFor(role: Role, index = 0): Promise<string> {
  const user = demoUser(role, index);
  let token = tokens.get(user.username);
  if (!token) {
    token = fetch(`${localTarget().apiUrl}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`token for ${user.username}: HTTP ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    });
    tokens.set(user.username, token);
  }
  return token;
}

export interface ApiCall {
  readonly method?: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/**
 * fetch, tried again when a GET's connection was closed under it: the local target runs every handler in
 * one process, and a CPU-bound task (a letter batch) can hold a kept-alive socket past the server's timeout.
 */
export async function fetchRetrying(url: string, init: RequestInit = {}): Promise<Response> {
  const idempotent = (init.method ?? 'GET') === 'GET';
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (!idempotent || attempt >= 2 || !(error instanceof TypeError)) throw error;
    }
  }
}

/** Calls the local API; parses JSON answers (problem documents included). */
export async function api<T = Record<string, unknown>>(path: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined || call.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetchRetrying(`${localTarget().apiUrl}${path}`, {
    method: call.method ?? 'GET',
    headers,
    ...(call.rawBody !== undefined
      ? { body: call.rawBody }
      : call.body !== undefined
        ? { body: JSON.stringify(call.body) }
        : {}),
  });
  const text = await response.text();
  const body = (text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T;
  return { status: response.status, headers: response.headers, body };
}

/** A unique id for data a test creates, so tests never collide with each other or with the seed. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
