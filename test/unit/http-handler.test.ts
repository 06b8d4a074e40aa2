/**
 * The handler framework on its own, with synthetic API Gateway events and a test route: no AWS involved.
 * Proves the error mapping, validation, authorisation and response shaping every real route relies on.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineRoute } from '../../functions/routes/route.ts';
import { httpHandler } from '../../functions/runtime/http-handler.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';

const testRoute = defineRoute({
  operationId: 'testEcho',
  method: 'POST',
  path: '/test/{id}',
  entry: 'test/none.ts',
  access: ['staff', 'admin'],
  summary: 'test',
  tag: 'test',
  params: z.object({ id: z.string().check(z.regex(/^[a-z]+$/)) }),
  query: z.object({ verbose: z.optional(z.enum(['yes', 'no'])) }),
  body: z.strictObject({
    amountCents: z.int().check(z.positive()),
    note: z.optional(z.strictObject({ text: z.string() })),
  }),
  idempotencyKey: true,
  success: { status: 201, description: 'ok', schema: z.object({ id: z.string(), amountCents: z.int() }) },
  errors: ['INSUFFICIENT_BALANCE'],
  permissions: {},
});

interface EventOptions {
  body?: string;
  groups?: string;
  contentType?: string;
  idempotencyKey?: string | null;
  id?: string;
}

function event(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (options.idempotencyKey !== null) headers['idempotency-key'] = options.idempotencyKey ?? 'key-0000001';
  return {
    version: '2.0',
    routeKey: 'POST /test/{id}',
    rawPath: `/test/${options.id ?? 'abc'}`,
    rawQueryString: '',
    headers,
    pathParameters: { id: options.id ?? 'abc' },
    requestContext: {
      requestId: 'req-1',
      routeKey: 'POST /test/{id}',
      http: { method: 'POST', path: '/test/abc', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      ...(options.groups === undefined
        ? {}
        : {
            authorizer: {
              jwt: {
                claims: { sub: 'user-1', 'cognito:username': 'u1', 'cognito:groups': options.groups },
                scopes: [],
              },
            },
          }),
    },
    body: options.body ?? '{"amountCents":1250}',
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

const context = { awsRequestId: 'aws-1', functionName: 'test', getRemainingTimeInMillis: () => 1000 } as Context;

async function call(run: (request: never) => Promise<unknown>, options: EventOptions) {
  const handler = httpHandler(testRoute, run as never);
  const result = (await handler(event(options), context)) as APIGatewayProxyStructuredResultV2;
  return { ...result, json: JSON.parse(String(result.body)) as Record<string, unknown> };
}

const echo = async (request: { params: { id: string }; body: { amountCents: number } }) => ({
  id: request.params.id,
  amountCents: request.body.amountCents,
  secret: 'must not leak',
});

describe('httpHandler', () => {
  it('passes typed input and answers the route status, dropping fields the schema does not publish', async () => {
    const answer = await call(echo, { groups: '[staff]' });
    expect(answer.statusCode).toBe(201);
    expect(answer.json).toEqual({ id: 'abc', amountCents: 1250 });
    expect(answer.headers?.['cache-control']).toBe('no-store');
    expect(answer.headers?.['x-correlation-id']).toBe('req-1');
  });

  it('answers 401 without claims and 403 for another role, before looking at the body', async () => {
    const anonymous = await call(echo, { body: '{not json' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json.code).toBe('UNAUTHENTICATED');
    const merchant = await call(echo, { groups: '[merchant finance]', body: '{not json' });
    expect(merchant.statusCode).toBe(403);
    expect(merchant.json.code).toBe('FORBIDDEN');
    const several = await call(echo, { groups: '[finance admin]' });
    expect(several.statusCode).toBe(201);
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const answer = await call(echo, { groups: '[staff]', body: '{"amountCents": 12,' });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers?.['content-type']).toBe('application/problem+json');
    expect(answer.json).toMatchObject({
      code: 'MALFORMED_JSON',
      status: 400,
      type: expect.stringContaining('malformed-json'),
    });
  });

  it('never repeats the malformed body (the parser quotes it) in the answer', async () => {
    // V8's message for this one is `Unexpected token 's', "{"password": s3cret-85073003361}" is not valid JSON`.
    const answer = await call(echo, { groups: '[staff]', body: '{"password": s3cret-85073003361}' });
    expect(answer.json.code).toBe('MALFORMED_JSON');
    expect(String(answer.body)).not.toMatch(/s3cret|85073003361|password/);
  });

  it('refuses unknown keys with a 400 that names each of them', async () => {
    const answer = await call(echo, {
      groups: '[staff]',
      body: '{"amountCents": 5, "balanceCents": 99, "note": {"text": "x", "extra": 1}}',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.code).toBe('VALIDATION_FAILED');
    expect(answer.json.errors).toHaveLength(2);
    expect(answer.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'body', path: 'balanceCents', message: expect.stringMatching(/unknown/) }),
        expect.objectContaining({ location: 'body', path: 'note.extra' }),
      ]),
    );
  });

  it('answers 415 for a body that is not declared as JSON', async () => {
    const answer = await call(echo, { groups: '[staff]', contentType: 'text/plain' });
    expect(answer.statusCode).toBe(415);
    expect(answer.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lists every validation problem with its location and path', async () => {
    const answer = await call(echo, { groups: '[staff]', id: 'ABC', body: '{"amountCents": 12.5}' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.code).toBe('VALIDATION_FAILED');
    const bodyAnswer = await call(echo, { groups: '[staff]', body: '{"amountCents": -3}' });
    expect(bodyAnswer.json.errors).toEqual([expect.objectContaining({ location: 'body', path: 'amountCents' })]);
  });

  it("words each validation problem in zod's English (zod mini sets no locale of its own)", async () => {
    // shared/zod-messages.ts, imported by the middleware, sets it: without it every message is "Invalid input".
    const answer = await call(echo, { groups: '[staff]', body: '{"amountCents": 0, "note": {"text": 5}}' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json.errors).toEqual([
      { location: 'body', path: 'amountCents', message: 'Too small: expected number to be >0' },
      { location: 'body', path: 'note.text', message: 'Invalid input: expected string, received number' },
    ]);
    expect(answer.json.detail).toBe(
      'Invalid body: amountCents: Too small: expected number to be >0; note.text: Invalid input: expected string, received number',
    );
  });

  it('requires a well-formed Idempotency-Key where the route says so', async () => {
    const missing = await call(echo, { groups: '[staff]', idempotencyKey: null });
    expect(missing.statusCode).toBe(400);
    expect(missing.json.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const short = await call(echo, { groups: '[staff]', idempotencyKey: 'abc' });
    expect(short.json.code).toBe('VALIDATION_FAILED');
  });

  it('maps a domain error to its status, keeps its extensions and sets Retry-After', async () => {
    const refuse = async () => {
      throw new DomainError('INSUFFICIENT_BALANCE', 'Only 12,00 € left.', { balanceCents: 1200 });
    };
    const answer = await call(refuse, { groups: '[staff]' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json).toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      balanceCents: 1200,
      detail: 'Only 12,00 € left.',
    });

    const throttle = async () => {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'Wait.', { retryAfterSeconds: 42.2 });
    };
    const limited = await call(throttle, { groups: '[staff]' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers?.['retry-after']).toBe('43');
  });

  it('never lets an extension overwrite the standard members', async () => {
    const sneaky = async () => {
      throw new DomainError('CONFLICT', 'x', { status: 200, code: 'OK' });
    };
    const answer = await call(sneaky, { groups: '[staff]' });
    expect(answer.json).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('hides unexpected errors behind a bare 500', async () => {
    const crash = async () => {
      throw new Error('ECONNREFUSED 10.0.0.7:8000 table secret-name');
    };
    const answer = await call(crash, { groups: '[staff]' });
    expect(answer.statusCode).toBe(500);
    expect(answer.json.code).toBe('INTERNAL');
    expect(String(answer.body)).not.toMatch(/ECONNREFUSED|secret-name|at /);
  });

  it('turns a response that breaks its own schema into a 500 instead of publishing it', async () => {
    const wrong = async () => ({ id: 7 });
    const answer = await call(wrong, { groups: '[staff]' });
    expect(answer.statusCode).toBe(500);
  });
});
