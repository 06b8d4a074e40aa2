/**
 * The catch-all (`$default`) route: any method and path the route table does not know gets a problem
 * document instead of API Gateway's bare `{"message":"Not Found"}`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemDocument, problemResponse } from '../runtime/problem-details.ts';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  return problemResponse(
    problemDocument(
      'ROUTE_NOT_FOUND',
      `There is no ${method} ${event.rawPath} in this API; see GET /openapi.json.`,
      {},
      event.rawPath,
    ),
  );
}
