/**
 * The HTTP API serves exactly the route table, with an authorizer exactly where access is not public: the
 * staff pool's on staff routes, the merchant pool's on shop routes, and one that knows both on routes for both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import { FALLBACK_THROTTLE } from '../../functions/routes/throttle.ts';
import { userPoolClientIdVariable, userPoolIssuerVariable } from '../../functions/runtime/environment-variables.ts';
import { ANY_POOL_AUTHORIZER } from '../../infra/constructs/api.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { USER_POOLS, type UserPoolName, userPoolsOf } from '../../shared/auth/user-pools.ts';
import { logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
});

/** What a JWT authorizer of `pool` checks: its issuer (the pool's URL) and audience (the pages' client). */
function jwtConfigurationOf(pool: UserPoolName) {
  const { userPool, userPoolClient } = dev.stack.auth.pools[pool];
  return {
    Audience: [{ Ref: logicalIdOf(dev.stack, userPoolClient) }],
    Issuer: {
      'Fn::Join': [
        '',
        ['https://cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: logicalIdOf(dev.stack, userPool) }],
      ],
    },
  };
}

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

  it('every public route, and the catch-all, has no authorizer', () => {
    const routes = routesByKey();
    for (const key of [...publicRoutes.map((route) => `${route.method} ${route.path}`), '$default']) {
      expect(routes.get(key)?.AuthorizationType, key).toBe('NONE');
      expect(routes.get(key)?.AuthorizerId, key).toBeUndefined();
    }
  });

  it('a route for staff roles only takes staff-pool ID tokens, a shop route merchant-pool ones', () => {
    const authorizers = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Authorizer');
    const routes = routesByKey();
    const checked = new Set<UserPoolName>();
    for (const route of protectedRoutes) {
      const pools = userPoolsOf(route.access as readonly Role[]);
      const [pool] = pools;
      if (pools.length !== 1 || !pool) continue;
      const synthesised = routes.get(`${route.method} ${route.path}`);
      expect(synthesised?.AuthorizationType, route.operationId).toBe('JWT');
      const authorizerId = (synthesised?.AuthorizerId as { Ref: string } | undefined)?.Ref ?? '';
      expect(authorizers[authorizerId]?.Properties, route.operationId).toEqual(
        expect.objectContaining({
          AuthorizerType: 'JWT',
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: jwtConfigurationOf(pool),
        }),
      );
      checked.add(pool);
    }
    // The table has routes of each kind: the check above ran for both pools.
    expect([...checked].sort()).toEqual([...USER_POOLS].sort());
    expect(userPoolsOf(['staff', 'admin', 'finance'])).toEqual(['staff']);
  });

  it('the two JWT authorizers accept ID tokens of this stack’s pools and clients only', () => {
    const jwt = Object.values(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Authorizer')).filter(
      (authorizer) => authorizer.Properties?.AuthorizerType === 'JWT',
    );
    expect(jwt.map((authorizer) => authorizer.Properties?.JwtConfiguration)).toEqual(
      expect.arrayContaining(USER_POOLS.map(jwtConfigurationOf)),
    );
    expect(jwt).toHaveLength(USER_POOLS.length);
  });

  it('a route open to both pools’ users (GET /me) has the Lambda authorizer that knows both pools', () => {
    const mixed = protectedRoutes.filter((route) => userPoolsOf(route.access as readonly Role[]).length > 1);
    expect(mixed.map((route) => route.operationId)).toContain('getMe');
    const routes = routesByKey();
    const authorizers = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Authorizer');
    const fn = dev.stack.api.functions[ANY_POOL_AUTHORIZER.operationId];
    if (!fn) throw new Error('no any-pool authorizer function');
    for (const route of mixed) {
      const synthesised = routes.get(`${route.method} ${route.path}`);
      expect(synthesised?.AuthorizationType, route.operationId).toBe('CUSTOM');
      const authorizer =
        authorizers[(synthesised?.AuthorizerId as { Ref?: string } | undefined)?.Ref ?? '']?.Properties;
      expect(authorizer).toMatchObject({
        AuthorizerType: 'REQUEST',
        EnableSimpleResponses: true,
        AuthorizerPayloadFormatVersion: '2.0',
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 0,
      });
      expect(JSON.stringify(authorizer?.AuthorizerUri)).toContain(logicalIdOf(dev.stack, fn));
    }
    const variables = resourcesOfType(dev.template, 'AWS::Lambda::Function')[logicalIdOf(dev.stack, fn)]?.Properties
      ?.Environment as { Variables: Record<string, unknown> };
    for (const pool of USER_POOLS) {
      const { userPool, userPoolClient } = dev.stack.auth.pools[pool];
      expect(variables.Variables[userPoolIssuerVariable(pool)]).toEqual(jwtConfigurationOf(pool).Issuer);
      expect(variables.Variables[userPoolClientIdVariable(pool)]).toEqual({
        Ref: logicalIdOf(dev.stack, userPoolClient),
      });
      expect(JSON.stringify(variables.Variables[userPoolIssuerVariable(pool)])).toContain(
        logicalIdOf(dev.stack, userPool),
      );
    }
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
