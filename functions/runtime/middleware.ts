/**
 * The middy middlewares every HTTP handler runs, in this order:
 *   correlate -> (problem details on error) -> authorise -> parse and validate.
 * Each is small and does one thing; http-handler.ts composes them from a route definition.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import '../../shared/zod-messages.ts';
import type { Principal } from '../../shared/auth/roles.ts';
import { DomainError, isDomainError } from '../../shared/errors/domain-error.ts';
import type { AnyRoute } from '../routes/route.ts';
import { logger, metrics } from './observability.ts';
import { principalFromEvent } from './principal.ts';
import { problemDocument, problemResponse } from './problem-details.ts';

export interface ParsedRequest {
  params: unknown;
  query: unknown;
  body: unknown;
  principal: Principal | undefined;
  idempotencyKey: string | undefined;
  correlationId: string;
}

export type HttpContext = Context & { parsed?: ParsedRequest; correlationId?: string };
type Middleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, HttpContext>;

const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Tags every log line (and the response) with a correlation id: the caller's, or API Gateway's request id. */
export function correlate(): Middleware {
  return {
    before: (request) => {
      const offered = request.event.headers?.[CORRELATION_HEADER];
      const correlationId =
        offered && CORRELATION_PATTERN.test(offered) ? offered : request.event.requestContext.requestId;
      request.context.correlationId = correlationId;
      logger.resetKeys();
      logger.addContext(request.context);
      logger.appendKeys({
        correlationId,
        route: request.event.routeKey,
      });
    },
    after: (request) => {
      if (request.response && request.context.correlationId) {
        request.response.headers = { ...request.response.headers, [CORRELATION_HEADER]: request.context.correlationId };
      }
    },
  };
}

/**
 * Flushes the metrics a handler recorded (CloudWatch embedded metric format), on success and on error.
 * Powertools' own middleware warns on every request without metrics, which most of ours are.
 */
export function publishMetrics(): Middleware {
  const flush = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
}

/** Turns any error into an RFC 9457 answer. Domain errors keep their code; anything else is a bare 500. */
export function problemDetails(): Middleware {
  return {
    onError: (request) => {
      const error = request.error;
      const instance = request.event.rawPath;
      const headers: Record<string, string> = {};
      if (request.context.correlationId) headers[CORRELATION_HEADER] = request.context.correlationId;
      if (isDomainError(error)) {
        const retryAfter = error.extensions.retryAfterSeconds;
        if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.ceil(retryAfter));
        const level = error.code === 'INTERNAL' ? 'error' : 'info';
        logger[level]('request refused', { code: error.code, detail: error.message });
        request.response = problemResponse(
          problemDocument(error.code, error.message, error.extensions, instance),
          headers,
        );
        return;
      }
      logger.error('unexpected error', error instanceof Error ? error : new Error(String(error)));
      request.response = problemResponse(
        problemDocument(
          'INTERNAL',
          'Something went wrong on our side. Try again; if it persists, contact the town.',
          {},
          instance,
        ),
        headers,
      );
    },
  };
}

/** Refuses requests without verified claims (401) or without one of the route's roles (403). */
export function authorise(route: AnyRoute): Middleware {
  return {
    before: (request) => {
      const principal = principalFromEvent(request.event);
      request.context.parsed = { ...emptyParsed(request.context), principal };
      if (route.access === 'public') return;
      if (!principal) {
        throw new DomainError('UNAUTHENTICATED', 'Sign in and send the token as "Authorization: Bearer <token>".');
      }
      const allowed = route.access;
      if (!principal.roles.some((role) => allowed.includes(role))) {
        throw new DomainError('FORBIDDEN', `This operation is for: ${allowed.join(', ')}.`);
      }
      if (allowed.length === 1 && allowed[0] === 'merchant' && !principal.merchantId) {
        throw new DomainError('FORBIDDEN', 'This merchant account is not linked to a shop.');
      }
    },
  };
}

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

/** Parses the JSON body and validates path, query, body and Idempotency-Key against the route's schemas. */
export function parseAndValidate(route: AnyRoute): Middleware {
  return {
    before: (request) => {
      const { event } = request;
      const parsed = request.context.parsed ?? emptyParsed(request.context);
      parsed.params = validate('path', route.params, event.pathParameters ?? {});
      parsed.query = validate('query', route.query, event.queryStringParameters ?? {});
      if (route.body) {
        // A route whose body is all optional (POST /settlement-runs) may be called with no body at all.
        const absent = event.body === undefined || event.body === '';
        const optional = absent && z.safeParse(route.body, undefined).success;
        parsed.body = optional ? undefined : validate('body', route.body, parseJsonBody(event));
      }
      if (route.idempotencyKey) {
        const key = event.headers?.['idempotency-key'];
        if (!key)
          throw new DomainError(
            'IDEMPOTENCY_KEY_REQUIRED',
            'Send a unique Idempotency-Key header with each new request, and the same one when you retry it.',
          );
        if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'Idempotency-Key must be 8 to 128 visible ASCII characters (a UUID is ideal).',
          );
        }
        parsed.idempotencyKey = key;
      }
      request.context.parsed = parsed;
    },
  };
}

function emptyParsed(context: HttpContext): ParsedRequest {
  return {
    params: {},
    query: {},
    body: undefined,
    principal: undefined,
    idempotencyKey: undefined,
    correlationId: context.correlationId ?? context.awsRequestId,
  };
}

function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === '') {
    throw new DomainError('VALIDATION_FAILED', 'This operation needs a JSON body.');
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the body as application/json (got "${contentType || 'none'}").`,
    );
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the body, which may hold a code, a national number or a password
    // that the answer (and any log of it) must not repeat.
    throw new DomainError('MALFORMED_JSON', 'The body is not valid JSON: check its quotes, commas and brackets.');
  }
}

const MAX_KEY_SHOWN = 64;

function validate(where: 'path' | 'query' | 'body', schema: z.core.$ZodType | undefined, value: unknown): unknown {
  if (!schema) return value;
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // One entry per unknown key, named (shortened: the name is the caller's text), so the caller sees which.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        location: where,
        path: [...path, key.slice(0, MAX_KEY_SHOWN)].join('.'),
        message: 'unknown field: remove it (or check its spelling)',
      }));
    }
    return [{ location: where, path: path.join('.'), message: issue.message }];
  });
  const summary = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  throw new DomainError('VALIDATION_FAILED', `Invalid ${where}: ${summary}`, { errors });
}
