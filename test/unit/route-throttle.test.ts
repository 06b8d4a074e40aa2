/** The local gateway's token bucket per route: a full burst at once, then the rate, each route on its own. */
import { describe, expect, it } from 'vitest';
import { createRouteThrottle } from '../../infra/local/gateway/route-throttle.ts';

const LIMITS = { rateLimit: 10, burstLimit: 20 };

describe('route throttle', () => {
  it('lets a burst through at once, then refuses until the rate refills the bucket', () => {
    let now = 0;
    const throttle = createRouteThrottle(() => now);
    const admitted = Array.from({ length: 30 }, () => throttle.admit('GET /public/merchants', LIMITS));
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(admitted.slice(20).some(Boolean)).toBe(false);
    now += 250; // 2.5 tokens at 10 per second
    expect([1, 2, 3].map(() => throttle.admit('GET /public/merchants', LIMITS))).toEqual([true, true, false]);
    now += 60_000; // never more than the burst, however long the route was idle
    expect(
      Array.from({ length: 21 }, () => throttle.admit('GET /public/merchants', LIMITS)).filter(Boolean),
    ).toHaveLength(20);
  });

  it('keeps a budget per route: an empty bucket on one route refuses nothing on another', () => {
    const throttle = createRouteThrottle(() => 0);
    for (let index = 0; index < 25; index += 1) throttle.admit('GET /openapi.json', LIMITS);
    expect(throttle.admit('GET /openapi.json', LIMITS)).toBe(false);
    expect(throttle.admit('POST /merchant/redemptions', LIMITS)).toBe(true);
  });
});
