/** The local gateway's translation between HTTP and API Gateway payload 2.0, and its route matching. */
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../functions/routes/index.ts';
import type { AnyRoute } from '../../functions/routes/route.ts';
import { principalFromEvent } from '../../functions/runtime/principal.ts';
import { flattenClaims, fromLambdaResult, toApiGatewayEvent } from '../../infra/local/gateway/api-event.ts';
import { createRouteMatcher } from '../../infra/local/gateway/route-matcher.ts';

function fakeRequest(method: string, headers: Record<string, string | string[]>): IncomingMessage {
  return { method, headers, httpVersion: '1.1', socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
}

describe('route matching', () => {
  const route = (method: AnyRoute['method'], path: string) =>
    ({ ...ROUTE_LIST[0], method, path, operationId: `${method} ${path}` }) as AnyRoute;
  const matcher = createRouteMatcher([
    route('GET', '/campaigns/{campaignId}'),
    route('GET', '/campaigns/active'),
    route('POST', '/campaigns'),
  ]);

  it('prefers literal segments and decodes parameters', () => {
    expect(matcher.match('GET', '/campaigns/active')?.route.path).toBe('/campaigns/active');
    expect(matcher.match('GET', '/campaigns/c%201')?.pathParameters).toEqual({ campaignId: 'c 1' });
    expect(matcher.match('GET', '/campaigns/a/b')).toBeUndefined();
    expect(matcher.match('DELETE', '/campaigns')).toBeUndefined();
  });

  it('knows the methods of a path for CORS preflights', () => {
    expect(matcher.methodsFor('/campaigns')).toEqual(['POST']);
  });
});

describe('payload 2.0 events', () => {
  it('lower-cases headers, joins repeated ones, splits cookies and queries like API Gateway', () => {
    const event = toApiGatewayEvent({
      request: fakeRequest('POST', { 'Content-Type': 'application/json', 'X-Multi': ['a', 'b'], cookie: 'a=1; b=2' }),
      url: new URL('http://127.0.0.1/merchant/redemptions?from=2026-01-01&tag=x&tag=y'),
      routeKey: 'POST /merchant/redemptions',
      pathParameters: {},
      body: Buffer.from('{"a":1}'),
    });
    expect(event.version).toBe('2.0');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.queryStringParameters).toEqual({ from: '2026-01-01', tag: 'x,y' });
    expect(event.rawQueryString).toBe('from=2026-01-01&tag=x&tag=y');
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.pathParameters).toBeUndefined();
  });

  it('base64-encodes binary bodies', () => {
    const event = toApiGatewayEvent({
      request: fakeRequest('PUT', { 'content-type': 'application/pdf' }),
      url: new URL('http://127.0.0.1/x'),
      routeKey: 'PUT /x',
      pathParameters: {},
      body: Buffer.from([0, 1, 2, 255]),
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(String(event.body), 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('presents claims as strings, lists as [a b], and handlers read them back', () => {
    expect(flattenClaims({ sub: 'u', 'cognito:groups': ['staff', 'admin'], exp: 5 })).toEqual({
      sub: 'u',
      'cognito:groups': '[staff admin]',
      exp: '5',
    });
    const event = toApiGatewayEvent({
      request: fakeRequest('GET', {}),
      url: new URL('http://127.0.0.1/me'),
      routeKey: 'GET /me',
      pathParameters: {},
      body: Buffer.alloc(0),
      claims: {
        sub: 'u-1',
        'cognito:username': 'boulangerie',
        'cognito:groups': ['merchant', 'unknown'],
        'custom:merchantId': 'm-1',
      },
    }) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(principalFromEvent(event)).toEqual({
      userId: 'u-1',
      username: 'boulangerie',
      roles: ['merchant'],
      merchantId: 'm-1',
    });
  });

  it('reads results by the payload 2.0 rules', () => {
    expect(fromLambdaResult({ hello: 'world' })).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    const structured = fromLambdaResult({
      statusCode: 201,
      headers: { 'X-A': 'b' },
      body: 'aGk=',
      isBase64Encoded: true,
      cookies: ['c=1'],
    });
    expect(structured.status).toBe(201);
    expect(structured.headers).toEqual({ 'x-a': 'b' });
    expect(structured.body.toString()).toBe('hi');
    expect(structured.cookies).toEqual(['c=1']);
  });
});
