/**
 * Reads the signed-in user from the claims that API Gateway's JWT authorizer (or the local gateway,
 * which imitates it) put on the event, or that the authorizer of routes open to both user pools passes on
 * (functions/identity/any-pool-authorizer.ts). All present claims the same way: plain strings, with
 * list claims such as `cognito:groups` flattened to `[admin staff]`.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CLAIMS, isRole, type Principal, type Role } from '../../shared/auth/roles.ts';

type Claims = APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']['jwt']['claims'];

function claimList(value: Claims[string] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner.split(/[\s,]+/).filter((part) => part.length > 0);
}

/** The principal, or undefined when the request carries no verified claims. */
export function principalFromEvent(event: { requestContext: object }): Principal | undefined {
  const authorizer = (
    event.requestContext as {
      authorizer?: Partial<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']> & {
        lambda?: Claims;
      };
    }
  ).authorizer;
  const claims = authorizer?.jwt?.claims ?? authorizer?.lambda;
  if (!claims) return undefined;
  const userId = claims[CLAIMS.subject];
  if (typeof userId !== 'string' || userId.length === 0) return undefined;
  const roles = claimList(claims[CLAIMS.groups]).filter(isRole) as Role[];
  const merchantId = claims[CLAIMS.merchantId];
  return {
    userId,
    username: String(claims[CLAIMS.username] ?? userId),
    roles,
    ...(typeof merchantId === 'string' && merchantId.length > 0 ? { merchantId } : {}),
  };
}
