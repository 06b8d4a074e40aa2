/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas, so the published
 * contract can never disagree with what the handlers validate.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { ProblemSchema } from '../../shared/api/problem.ts';
import type { ErrorCode } from '../../shared/errors/domain-error.ts';
import { ROUTE_LIST } from '../routes/index.ts';
import type { AnyRoute } from '../routes/route.ts';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from '../runtime/problem-details.ts';

/** Problem codes any route may answer with, on top of those it lists itself. */
function frameworkErrors(route: AnyRoute): ErrorCode[] {
  const codes: ErrorCode[] = ['INTERNAL'];
  if (route.params || route.query || route.body || route.idempotencyKey) codes.push('VALIDATION_FAILED');
  if (route.body) codes.push('MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE');
  if (route.idempotencyKey) codes.push('IDEMPOTENCY_KEY_REQUIRED');
  if (route.access !== 'public') codes.push('UNAUTHENTICATED', 'FORBIDDEN');
  return codes;
}

function errorResponses(route: AnyRoute): NonNullable<RouteConfig['responses']> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...route.errors, ...frameworkErrors(route)])) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: NonNullable<RouteConfig['responses']> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${PROBLEMS[code].title}`).join('; '),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return responses;
}

function routeConfig(route: AnyRoute): RouteConfig {
  const headers = route.idempotencyKey
    ? z.object({
        'Idempotency-Key': z
          .string()
          .min(8)
          .max(128)
          .meta({ description: 'Unique per intended operation; reuse it on retry.' }),
      })
    : undefined;
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public'
      ? {}
      : { security: [{ bearerAuth: [] }], description: `Roles: ${route.access.join(', ')}.` }),
    request: {
      ...(route.params ? { params: route.params as z.ZodObject } : {}),
      ...(route.query ? { query: route.query as z.ZodObject } : {}),
      ...(headers ? { headers } : {}),
      ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    },
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        content: { 'application/json': { schema: route.success.schema } },
      },
      ...errorResponses(route),
    },
  };
}

export function buildOpenApiDocument(serverUrl?: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token in AWS; a token from POST /auth/local/token on the local target.',
  });
  for (const route of ROUTE_LIST) registry.registerPath(routeConfig(route));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Local-commerce voucher platform API',
      version: '1.0.0',
      description:
        'Amounts are integer cents; dates are YYYY-MM-DD in Europe/Brussels; errors are RFC 9457 problem documents with a stable `code`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
