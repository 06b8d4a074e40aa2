/**
 * API Gateway's throttling, locally: a token bucket per route key (rate + burst from
 * functions/routes/throttle.ts), so each route has its own budget as in the AWS stage's route settings.
 */
import type { ThrottleLimits } from '../../../functions/routes/throttle.ts';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

export interface RouteThrottle {
  /** Takes a token from the route's bucket: false when it is empty (answer 429). */
  admit(routeKey: string, limits: ThrottleLimits): boolean;
}

export function createRouteThrottle(now: () => number = () => performance.now()): RouteThrottle {
  const buckets = new Map<string, Bucket>();
  return {
    admit(routeKey, limits) {
      const at = now();
      // A bucket starts full, as a stage that has seen no request lets a whole burst through.
      const bucket = buckets.get(routeKey) ?? { tokens: limits.burstLimit, at };
      bucket.tokens = Math.min(limits.burstLimit, bucket.tokens + ((at - bucket.at) / 1000) * limits.rateLimit);
      bucket.at = at;
      buckets.set(routeKey, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
