/**
 * Builds a Lambda handler for one route of the route table: the route's schemas validate the request,
 * its access list authorises it, and its success schema shapes the answer (unknown fields are dropped,
 * so nothing the handler did not mean to publish can leak). The business function gets typed input.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Principal } from '../../shared/auth/roles.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';
import type { Access, RouteDefinition } from '../routes/route.ts';
import {
  authorise,
  correlate,
  type HttpContext,
  parseAndValidate,
  problemDetails,
  publishMetrics,
} from './middleware.ts';
import { logger } from './observability.ts';

export interface HttpRequest<Params, Query, Body, A extends Access, I extends boolean = boolean> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  readonly principal: A extends 'public' ? Principal | undefined : Principal;
  /** Required (and so always present) on a route that declares `idempotencyKey: true`. */
  readonly idempotencyKey: I extends true ? string : string | undefined;
  readonly correlationId: string;
  readonly event: APIGatewayProxyEventV2;
}

export function httpHandler<
  Params extends z.core.$ZodType,
  Query extends z.core.$ZodType,
  Body extends z.core.$ZodType,
  Result extends z.core.$ZodType,
  A extends Access,
  I extends boolean,
>(
  route: RouteDefinition<Params, Query, Body, Result, A, I>,
  run: (request: HttpRequest<z.output<Params>, z.output<Query>, z.output<Body>, A, I>) => Promise<z.input<Result>>,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, HttpContext>()
    .use(problemDetails())
    .use(publishMetrics())
    .use(correlate())
    .use(authorise(route))
    .use(parseAndValidate(route))
    .handler(async (event, context) => {
      const parsed = context.parsed;
      if (!parsed) throw new Error('parseAndValidate did not run');
      const result = await run({
        params: parsed.params as z.output<Params>,
        query: parsed.query as z.output<Query>,
        body: parsed.body as z.output<Body>,
        principal: parsed.principal as HttpRequest<unknown, unknown, unknown, A>['principal'],
        // parseAndValidate refuses a request without the key when the route requires one.
        idempotencyKey: parsed.idempotencyKey as HttpRequest<unknown, unknown, unknown, A, I>['idempotencyKey'],
        correlationId: parsed.correlationId,
        event,
      });
      const shaped = z.safeParse(route.success.schema, result);
      if (!shaped.success) {
        // A bug of ours, not of the caller: log what did not match, answer a plain 500.
        logger.error('response does not match the route schema', { issues: shaped.error.issues });
        throw new DomainError('INTERNAL', 'Something went wrong on our side.');
      }
      return {
        statusCode: route.success.status,
        headers: {
          'content-type': 'application/json',
          'cache-control': route.cacheControl ?? 'no-store',
        },
        body: JSON.stringify(shaped.data),
      };
    });
}
