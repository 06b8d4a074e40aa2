/**
 * Request limits per route, read by the CDK stage (its route settings) and by the local gateway (a token
 * bucket per route): each route has a budget of its own, so a flood of anonymous requests spends the public
 * routes' budget and never the shops'. Pure data, no AWS: both targets import it.
 */
import type { AnyRoute } from './route.ts';

/**
 * - `shop`: the tills (the `/merchant/...` routes): a town's shops on a Saturday, with room to spare.
 * - `staff`: the town's staff, finance and admins: a handful of people, pages that fire a few calls at once.
 * - `public`: anonymous citizens (/bon/, the shop list, applications): small, since anyone can call them.
 * - `meta`: what no person needs in bulk: the OpenAPI document and the catch-all `$default`.
 */
export type ThrottleClass = 'shop' | 'staff' | 'public' | 'meta';

/** API Gateway's terms: `rateLimit` requests per second on average, `burstLimit` at once (the bucket's size). */
export interface ThrottleLimits {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export const THROTTLE_LIMITS: Readonly<Record<ThrottleClass, ThrottleLimits>> = {
  shop: { rateLimit: 200, burstLimit: 400 },
  staff: { rateLimit: 50, burstLimit: 100 },
  public: { rateLimit: 20, burstLimit: 40 },
  meta: { rateLimit: 5, burstLimit: 10 },
};

/** The route key API Gateway and the access log use for requests that match no route. */
export const FALLBACK_ROUTE_KEY = '$default';

/** What answers requests that match no route: a 404 anyone can ask for, so the smallest cap. */
export const FALLBACK_THROTTLE: ThrottleLimits = THROTTLE_LIMITS.meta;

/** A route's class: its own `throttle` if it names one, else from its access (public, shops, staff). */
export function throttleClassOf(route: Pick<AnyRoute, 'access' | 'throttle'>): ThrottleClass {
  if (route.throttle) return route.throttle;
  if (route.access === 'public') return 'public';
  return route.access.includes('merchant') ? 'shop' : 'staff';
}

export function throttleOf(route: Pick<AnyRoute, 'access' | 'throttle'>): ThrottleLimits {
  return THROTTLE_LIMITS[throttleClassOf(route)];
}

/** `GET /public/vouchers/{code}`: the key of a route in the stage's route settings and the access log. */
export function routeKeyOf(route: Pick<AnyRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
