/**
 * Each route of the HTTP API has a request budget of its own (the stage's route settings, from
 * functions/routes/throttle.ts): anonymous routes, the OpenAPI document and `$default` are capped below the
 * shops' routes, so a flood of anonymous requests cannot make redemptions fail with 429.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../functions/routes/index.ts';
import {
  FALLBACK_ROUTE_KEY,
  FALLBACK_THROTTLE,
  routeKeyOf,
  THROTTLE_LIMITS,
  throttleClassOf,
  throttleOf,
} from '../../functions/routes/throttle.ts';
import { resourcesOfType, type Synthesised, synthStack } from './synth.ts';

interface RouteSetting {
  readonly ThrottlingRateLimit: number;
  readonly ThrottlingBurstLimit: number;
}

let dev: Synthesised;
let stage: { Properties?: Record<string, unknown>; DependsOn?: string[] };

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  const stages = Object.values(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Stage'));
  expect(stages).toHaveLength(1);
  stage = stages[0] as typeof stage;
});

const settings = () => (stage.Properties?.RouteSettings ?? {}) as Record<string, RouteSetting>;
const anonymous = ROUTE_LIST.filter((route) => route.access === 'public');
const shops = ROUTE_LIST.filter((route) => route.access !== 'public' && route.access.includes('merchant'));

describe('per-route throttling', () => {
  it('gives every route of the table and $default limits of their own, from the one table of limits', () => {
    const keys = [...ROUTE_LIST.map(routeKeyOf), FALLBACK_ROUTE_KEY];
    expect(Object.keys(settings()).sort()).toEqual(keys.sort());
    for (const route of ROUTE_LIST) {
      const limits = throttleOf(route);
      expect(settings()[routeKeyOf(route)], route.operationId).toEqual({
        ThrottlingRateLimit: limits.rateLimit,
        ThrottlingBurstLimit: limits.burstLimit,
      });
    }
    expect(settings()[FALLBACK_ROUTE_KEY]).toEqual({
      ThrottlingRateLimit: FALLBACK_THROTTLE.rateLimit,
      ThrottlingBurstLimit: FALLBACK_THROTTLE.burstLimit,
    });
  });

  it('caps anonymous routes, the OpenAPI document and $default below every shop route', () => {
    expect(anonymous.length).toBeGreaterThan(0);
    expect(shops.map((route) => route.operationId)).toContain('redeem');
    const shopFloor = {
      rate: Math.min(...shops.map((route) => settings()[routeKeyOf(route)]?.ThrottlingRateLimit ?? 0)),
      burst: Math.min(...shops.map((route) => settings()[routeKeyOf(route)]?.ThrottlingBurstLimit ?? 0)),
    };
    for (const key of [...anonymous.map(routeKeyOf), FALLBACK_ROUTE_KEY]) {
      const limits = settings()[key];
      expect(limits?.ThrottlingRateLimit, key).toBeLessThan(shopFloor.rate);
      expect(limits?.ThrottlingBurstLimit, key).toBeLessThan(shopFloor.burst);
    }
    // Nobody needs the OpenAPI document or a 404 in bulk: the smallest cap, below the citizens' routes.
    for (const key of ['GET /openapi.json', FALLBACK_ROUTE_KEY]) {
      expect(settings()[key]?.ThrottlingRateLimit, key).toBe(THROTTLE_LIMITS.meta.rateLimit);
      expect(THROTTLE_LIMITS.meta.rateLimit).toBeLessThan(THROTTLE_LIMITS.public.rateLimit);
    }
  });

  it('sorts the routes by who calls them: citizens, shops, staff', () => {
    for (const route of anonymous.filter((candidate) => candidate.path !== '/openapi.json'))
      expect(throttleClassOf(route), route.operationId).toBe('public');
    for (const route of shops) expect(throttleClassOf(route), route.operationId).toBe('shop');
    const staffOnly = ROUTE_LIST.filter((route) => route.access !== 'public' && !route.access.includes('merchant'));
    for (const route of staffOnly) expect(throttleClassOf(route), route.operationId).toBe('staff');
  });

  it('caps a route that has no settings of its own at the smallest limits (the stage default)', () => {
    expect(stage.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: FALLBACK_THROTTLE.rateLimit,
      ThrottlingBurstLimit: FALLBACK_THROTTLE.burstLimit,
    });
  });

  it('creates the stage after the routes its settings name', () => {
    const routeIds = Object.keys(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Route'));
    expect(routeIds.length).toBe(ROUTE_LIST.length + 1);
    for (const id of routeIds) expect(stage.DependsOn ?? [], id).toContain(id);
  });
});
