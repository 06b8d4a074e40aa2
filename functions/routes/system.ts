/** Operational routes: health and the API's own description. */
import { HealthSchema, OpenApiDocumentSchema } from '../../shared/api/system.ts';
import { defineRoute } from './route.ts';

export const systemRoutes = {
  getHealth: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    entry: 'functions/system/get-health.ts',
    access: 'public',
    summary: 'Liveness of the API',
    tag: 'system',
    success: { status: 200, description: 'The API answers', schema: HealthSchema },
    errors: [],
    permissions: {},
  }),
  getOpenApi: defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    entry: 'functions/system/get-openapi.ts',
    access: 'public',
    summary: 'The OpenAPI 3.1 description of this API, generated from the route table',
    tag: 'system',
    success: { status: 200, description: 'OpenAPI document', schema: OpenApiDocumentSchema },
    errors: [],
    permissions: {},
    cacheControl: 'public, max-age=300',
    // Tools read it once; nobody needs it many times a second.
    throttle: 'meta',
  }),
};
