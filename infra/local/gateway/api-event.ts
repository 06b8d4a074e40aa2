/**
 * Turns a Node HTTP request into the API Gateway HTTP API (payload format 2.0) event a Lambda receives in
 * AWS, and a Lambda result back into an HTTP answer, following the documented v2 rules.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';

export interface EventInput {
  readonly request: IncomingMessage;
  readonly url: URL;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
  readonly body: Buffer;
  /** Verified token claims; absent for public routes (API Gateway passes none there). */
  readonly claims?: JWTPayload;
}

const TEXT_CONTENT = /^(text\/|application\/([a-z.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript))/i;

/** API Gateway presents every claim as a string; list claims become `[a b]`. */
export function flattenClaims(claims: JWTPayload): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value)
      ? `[${value.join(' ')}]`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  return flat;
}

export function toApiGatewayEvent(input: EventInput): APIGatewayProxyEventV2 {
  const { request, url } = input;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    // HTTP APIs lower-case header names and join repeated headers with commas.
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = headers.cookie ? headers.cookie.split(';').map((cookie) => cookie.trim()) : undefined;
  delete headers.cookie;

  const query: Record<string, string> = {};
  for (const name of new Set(url.searchParams.keys())) query[name] = url.searchParams.getAll(name).join(',');

  const contentType = headers['content-type'] ?? '';
  const hasBody = input.body.length > 0;
  const isText = !hasBody || TEXT_CONTENT.test(contentType);
  const now = new Date();
  const requestId = randomUUID();
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.startsWith('?') ? url.search.slice(1) : url.search,
    headers,
    ...(cookies ? { cookies } : {}),
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(input.pathParameters).length > 0 ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(input.claims ? { authorizer: { jwt: { claims: flattenClaims(input.claims), scopes: [] } } } : {}),
    },
    ...(hasBody ? { body: isText ? input.body.toString('utf8') : input.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !isText,
    stageVariables: undefined,
  };
  return event;
}

export function lambdaContext(functionName: string, requestId: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** Applies the payload 2.0 response rules: a plain object or string without statusCode is a 200 JSON body. */
export function fromLambdaResult(result: unknown): HttpAnswer {
  if (result === undefined || result === null) {
    return { status: 200, headers: {}, cookies: [], body: Buffer.alloc(0) };
  }
  if (typeof result === 'object' && 'statusCode' in result) {
    const structured = result as APIGatewayProxyStructuredResultV2;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const body = structured.body ?? '';
    return {
      status: structured.statusCode ?? 200,
      headers,
      cookies: structured.cookies ?? [],
      body: structured.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
    };
  }
  const text = typeof result === 'string' ? result : JSON.stringify(result);
  return { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(text, 'utf8') };
}
