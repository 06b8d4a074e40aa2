/**
 * A small fetch wrapper for the pages: JSON in and out, and RFC 9457 problems turned into ApiError with
 * the stable `code` the pages translate into a message.
 */
import type { Problem } from '../../shared/api/problem.ts';
import { runtimeConfig } from './runtime-config.ts';

export class ApiError extends Error {
  readonly status: number;
  /** The problem's `code`, or NETWORK when no answer came back. */
  readonly code: string;
  readonly problem: Partial<Problem> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, problem?: Partial<Problem>, retryAfterSeconds?: number) {
    super(problem?.detail ?? code);
    this.status = status;
    this.code = code;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface RequestOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { apiUrl } = await runtimeConfig();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK');
  }
  if (response.ok) return (await response.json()) as T;
  const retryAfter = Number(response.headers.get('retry-after'));
  let problem: Partial<Problem> | undefined;
  try {
    problem = (await response.json()) as Partial<Problem>;
  } catch {
    problem = undefined;
  }
  const code =
    typeof problem?.code === 'string' ? problem.code : response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR';
  throw new ApiError(
    response.status,
    code,
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
