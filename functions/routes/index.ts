/**
 * The route table: every HTTP operation of the API. The local gateway and the CDK HTTP API are both
 * built from ROUTE_LIST. A handler imports its own route from its area's module (e.g. merchant.ts), not from
 * here: this table would bundle every route's schemas into every function.
 */
import { applicationRoutes } from './applications.ts';
import { campaignRoutes } from './campaigns.ts';
import { dashboardRoutes } from './dashboard.ts';
import { identityRoutes } from './identity.ts';
import { importRoutes } from './imports.ts';
import { issuanceRoutes } from './issuance.ts';
import { letterRoutes } from './letters.ts';
import { merchantRoutes } from './merchant.ts';
import { merchantAdminRoutes } from './merchants.ts';
import { publicRoutes } from './public.ts';
import type { AnyRoute } from './route.ts';
import { settlementRoutes } from './settlement.ts';
import { staffLookupRoutes } from './staff-lookups.ts';
import { systemRoutes } from './system.ts';

export const ROUTES = {
  ...systemRoutes,
  ...publicRoutes,
  ...identityRoutes,
  ...campaignRoutes,
  ...importRoutes,
  ...issuanceRoutes,
  ...applicationRoutes,
  ...merchantRoutes,
  ...merchantAdminRoutes,
  ...settlementRoutes,
  ...dashboardRoutes,
  ...letterRoutes,
  ...staffLookupRoutes,
};

export const ROUTE_LIST: readonly AnyRoute[] = Object.values(ROUTES);

/** Answers every request that matches no route (API Gateway's `$default` route; the local gateway's fallback). */
export const FALLBACK_ROUTE = {
  operationId: 'routeNotFound',
  entry: 'functions/system/route-not-found.ts',
} as const;

export type { AnyRoute, RouteDefinition } from './route.ts';
