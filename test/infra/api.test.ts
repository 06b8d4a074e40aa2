/** The HTTP API serves exactly the route table, with the JWT authorizer exactly where access is not public. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import { FALLBACK_THROTTLE } from '../../functions/routes/throttle.ts';
import { logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
});

const publicRoutes = ROUTE_LIST.filter((route) => route.access === 'public');
const protectedRoutes = ROUTE_LIST.filter((route) => route.access !== 'public');

function routesByKey() {
  const routes = Object.values(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Route'));
  return new Map(routes.map((route) => [route.Properties?.RouteKey as string, route.Properties ?? {}]));
}

describe('routes', () => {
  it('one per operation of the route table, plus the catch-all', () => {
    const keys = [...routesByKey().keys()].sort();
    expect(keys).toEqual([...ROUTE_LIST.map((route) => `${route.method} ${route.path}`), '$default'].sort());
  });

  it('every route that is not public requires a Cognito ID token', () => {
    const authorizerId = Object.keys(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Authorizer'))[0];
    const routes = routesByKey();
    for (const route of protectedRoutes) {
      const synthesised = routes.get(`${route.method} ${route.path}`);
      expect(synthesised, route.operationId).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
  });

  it('every public route, and the catch-all, has no authorizer', () => {
    const routes = routesByKey();
    for (const key of [...publicRoutes.map((route) => `${route.method} ${route.path}`), '$default']) {
      expect(routes.get(key)?.AuthorizationType, key).toBe('NONE');
      expect(routes.get(key)?.AuthorizerId, key).toBeUndefined();
    }
  });

  it('the authorizer accepts ID tokens of this stack’s user pool and client only', () => {
    dev.template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', protectedRoutes.length > 0 ? 1 : 0);
    if (protectedRoutes.length === 0) return;
    const poolId = logicalIdOf(dev.stack, dev.stack.auth.userPool);
    const clientId = logicalIdOf(dev.stack, dev.stack.auth.userPoolClient);
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]],
        },
      },
    });
  });

  it('each route invokes its own function', () => {
    const integrations = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Integration');
    const routes = routesByKey();
    for (const route of [...ROUTE_LIST, { ...FALLBACK_ROUTE, method: undefined, path: undefined }]) {
      const key = route.method ? `${route.method} ${route.path}` : '$default';
      const target = routes.get(key)?.Target as { 'Fn::Join': [string, unknown[]] };
      const integrationId = (target['Fn::Join'][1][1] as { Ref: string }).Ref;
      const fn = dev.stack.api.functions[route.operationId];
      if (!fn) throw new Error(`no function for ${route.operationId}`);
      expect(integrations[integrationId]?.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(dev.stack, fn), 'Arn'] },
      });
    }
  });
});

describe('the stage', () => {
  it('logs every request as JSON and throttles', () => {
    const stages = Object.values(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties ?? {};
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: FALLBACK_THROTTLE.rateLimit,
        ThrottlingBurstLimit: FALLBACK_THROTTLE.burstLimit,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalIdOf(dev.stack, dev.stack.api.accessLogs), 'Arn'] },
      },
    });
    const format = JSON.parse((stage.AccessLogSettings as { Format: string }).Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      routeKey: '$context.routeKey',
      integrationError: '$context.integrationErrorMessage',
    });
    // Voucher codes travel in paths (GET /public/vouchers/{code}, the scanner's look-up): the log names the
    // route, never the path or the query string.
    const variables = Object.values(format).join(' ');
    expect(variables).not.toMatch(/\$context\.(path|resourcePath)|rawPath|requestOverride|queryString/);
  });

  it('allows the pages’ CloudFront origin only, with the headers the handlers use', () => {
    const distributionId = logicalIdOf(dev.stack, dev.stack.web.distribution);
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
        ExposeHeaders: ['x-correlation-id', 'retry-after'],
        AllowCredentials: false,
      },
    });
  });
});
