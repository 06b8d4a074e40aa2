/**
 * The local API gateway: an HTTP server that does what API Gateway's HTTP API does in AWS for this
 * platform. It matches the route table, checks JWTs like the JWT authorizer (401 without a valid token on
 * a protected route), answers CORS preflights, builds payload 2.0 events and invokes the very same
 * handler modules in-process. Roles are checked by the handlers themselves, in both targets.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { CORS_POLICY } from '../../../functions/routes/cors.ts';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../../functions/routes/index.ts';
import { FALLBACK_ROUTE_KEY, FALLBACK_THROTTLE, routeKeyOf, throttleOf } from '../../../functions/routes/throttle.ts';
import { problemDocument, problemResponse } from '../../../functions/runtime/problem-details.ts';
import {
  type LocalIdentityProvider,
  type SignInOutcome,
  type SignInRefusal,
  SignInThrottledError,
} from '../auth/local-identity.ts';
import { importHandler } from '../function-grants.ts';
import { fromLambdaResult, type HttpAnswer, lambdaContext, toApiGatewayEvent } from './api-event.ts';
import { createRouteMatcher } from './route-matcher.ts';
import { createRouteThrottle } from './route-throttle.ts';

/** Same payload limit as the CDK HTTP API (infra/constructs/api.ts); CORS from the one policy both read. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface ApiServerOptions {
  readonly repoRoot: string;
  readonly identity: LocalIdentityProvider;
  /** Origins allowed by CORS (the local web server). */
  readonly allowedOrigins: readonly string[];
  /**
   * Each route's request limits, as the AWS stage's route settings (functions/routes/throttle.ts): 429
   * TOO_MANY_REQUESTS above them. Off for measuring handlers alone.
   * @default true
   */
  readonly throttle?: boolean;
  /**
   * Called once per request, for the access log. It names the route (`/public/vouchers/{code}`), never the
   * request's path: voucher codes travel in paths, and a code in a log is money anyone reading it can spend.
   * Requests that match no route are logged as `$default`, as API Gateway's routeKey does.
   */
  readonly onRequest?: (line: {
    method: string;
    route: string;
    status: number;
    ms: number;
    operationId: string;
  }) => void;
}

// A password sign-in, or a refresh token from an earlier sign-in (Cognito's REFRESH_TOKEN_AUTH, locally).
const TokenRequestSchema = z.union([
  z.object({
    username: z.string().check(z.minLength(1)),
    password: z.string().check(z.minLength(1)),
    // The authenticator app's code, for a user who has one (a wrong shape is a wrong code, and counted).
    mfaCode: z.optional(z.string().check(z.maxLength(16))),
  }),
  z.object({ refreshToken: z.string().check(z.minLength(1)) }),
]);

export function createApiServer(options: ApiServerOptions): Server {
  const matcher = createRouteMatcher(ROUTE_LIST);
  const modules = new Map<string, Promise<LambdaHandler>>();
  const throttle = options.throttle === false ? undefined : createRouteThrottle();

  // Imported on first use, like a Lambda cold start; the module (and its clients) then stay warm.
  const load = (entry: string): Promise<LambdaHandler> => {
    let loaded = modules.get(entry);
    if (!loaded) {
      loaded = importHandler<LambdaHandler>(options.repoRoot, entry);
      // A failed init is retried on the next request, as Lambda does with a new execution environment.
      loaded.catch(() => modules.delete(entry));
      modules.set(entry, loaded);
    }
    return loaded;
  };

  const handle = async (
    request: IncomingMessage,
    url: URL,
    body: Buffer,
  ): Promise<{ answer: HttpAnswer; operationId: string; route: string }> => {
    const method = request.method ?? 'GET';
    if (method === 'POST' && url.pathname === '/auth/local/token') {
      return { answer: await issueToken(options.identity, body), operationId: 'localToken', route: url.pathname };
    }
    const match = matcher.match(method, url.pathname);
    // Before the authorizer, as in API Gateway: a request over its route's budget costs no token check.
    if (
      throttle &&
      !(match
        ? throttle.admit(routeKeyOf(match.route), throttleOf(match.route))
        : throttle.admit(FALLBACK_ROUTE_KEY, FALLBACK_THROTTLE))
    ) {
      return {
        // API Gateway answers {"message":"Too Many Requests"}; locally the problem document of every refusal.
        answer: fromLambdaResult(
          problemResponse(
            problemDocument('TOO_MANY_REQUESTS', 'This route takes no more requests just now: try again in a moment.'),
          ),
        ),
        operationId: match?.route.operationId ?? FALLBACK_ROUTE.operationId,
        route: match?.route.path ?? FALLBACK_ROUTE_KEY,
      };
    }
    let claims: Awaited<ReturnType<LocalIdentityProvider['verify']>>;
    if (match && match.route.access !== 'public') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      claims = bearer ? await options.identity.verify(bearer) : undefined;
      if (!claims) {
        const detail = bearer
          ? 'The token is invalid or expired: sign in again.'
          : 'Sign in and send "Authorization: Bearer <token>".';
        return {
          answer: fromLambdaResult(problemResponse(problemDocument('UNAUTHENTICATED', detail))),
          operationId: match.route.operationId,
          route: match.route.path,
        };
      }
    }
    const operationId = match?.route.operationId ?? FALLBACK_ROUTE.operationId;
    const entry = match?.route.entry ?? FALLBACK_ROUTE.entry;
    const event = toApiGatewayEvent({
      request,
      url,
      routeKey: match ? `${match.route.method} ${match.route.path}` : '$default',
      pathParameters: match?.pathParameters ?? {},
      body,
      ...(claims ? { claims } : {}),
    });
    const handler = await load(entry);
    const result = await handler(event, lambdaContext(operationId, event.requestContext.requestId));
    return { answer: fromLambdaResult(result), operationId, route: match?.route.path ?? '$default' };
  };

  // What a log line may say about a request that failed before its handler answered: its route, never its path.
  const routeOf = (method: string | undefined, url: URL) =>
    matcher.match(method ?? 'GET', url.pathname)?.route.path ?? '$default';

  return createServer((request, response) => {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin;
    const corsHeaders: Record<string, string> =
      origin && options.allowedOrigins.includes(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-expose-headers': CORS_POLICY.exposeHeaders.join(','),
            vary: 'origin',
          }
        : {};

    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      const methods = matcher.methodsFor(url.pathname);
      response.writeHead(204, {
        ...corsHeaders,
        ...(corsHeaders['access-control-allow-origin']
          ? {
              'access-control-allow-methods': [...new Set([...methods, 'OPTIONS'])].join(','),
              'access-control-allow-headers': CORS_POLICY.allowHeaders.join(','),
              'access-control-max-age': String(CORS_POLICY.maxAgeSeconds),
            }
          : {}),
      });
      response.end();
      return;
    }

    readBody(request)
      .then((body) =>
        body === undefined
          ? {
              answer: gatewayProblem(413, 'The request is larger than the 10 MB API Gateway allows.'),
              operationId: '-',
              route: routeOf(request.method, url),
            }
          : handle(request, url, body),
      )
      .catch((error: unknown) => {
        // What API Gateway does when the Lambda itself fails (crash, import error): a bare 500.
        console.error(`[gateway] ${request.method} ${routeOf(request.method, url)} failed:`, error);
        return {
          answer: gatewayProblem(500, 'Internal Server Error'),
          operationId: '-',
          route: routeOf(request.method, url),
        };
      })
      .then(({ answer, operationId, route }) => {
        send(response, answer, corsHeaders);
        options.onRequest?.({
          method: request.method ?? '?',
          route,
          status: answer.status,
          ms: Math.round(performance.now() - started),
          operationId,
        });
      });
  });
}

async function issueToken(identity: LocalIdentityProvider, body: Buffer): Promise<HttpAnswer> {
  let parsed: z.infer<typeof TokenRequestSchema>;
  try {
    parsed = TokenRequestSchema.parse(JSON.parse(body.toString('utf8') || '{}'));
  } catch {
    return fromLambdaResult(
      problemResponse(
        problemDocument(
          'VALIDATION_FAILED',
          'Send {"username", "password"} (with "mfaCode" for a user with an authenticator app) or {"refreshToken"} as JSON.',
        ),
      ),
    );
  }
  let outcome: SignInOutcome;
  try {
    if ('refreshToken' in parsed) {
      const token = await identity.refresh(parsed.refreshToken);
      outcome = token ? { ok: true, token } : { ok: false, refusal: 'INVALID_CREDENTIALS' };
    } else {
      outcome = await identity.issueToken(parsed.username, parsed.password, parsed.mfaCode);
    }
  } catch (error) {
    if (!(error instanceof SignInThrottledError)) throw error;
    const { retryAfterSeconds } = error;
    return fromLambdaResult(
      problemResponse(
        problemDocument('TOO_MANY_REQUESTS', 'Too many failed sign-ins for this username: wait before trying again.', {
          retryAfterSeconds,
        }),
        { 'retry-after': String(retryAfterSeconds) },
      ),
    );
  }
  if (!outcome.ok)
    return fromLambdaResult(problemResponse(problemDocument(outcome.refusal, REFUSAL_DETAIL[outcome.refusal](parsed))));
  return fromLambdaResult({
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify(outcome.token),
  });
}

const REFUSAL_DETAIL: Readonly<Record<SignInRefusal, (request: object) => string>> = {
  INVALID_CREDENTIALS: (request) =>
    'refreshToken' in request
      ? 'The refresh token is invalid or expired: sign in again.'
      : 'Check the username and password.',
  MFA_CODE_REQUIRED: () => 'This account has an authenticator app: send its current 6-digit code as "mfaCode".',
  MFA_CODE_INVALID: () => 'The authenticator code is wrong or too old: send the current one.',
};

function gatewayProblem(status: 413 | 500, message: string): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(JSON.stringify({ message })),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: HttpAnswer, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string | string[]> = {
    ...answer.headers,
    ...extraHeaders,
    'content-length': String(answer.body.length),
    'apigw-requestid': randomUUID(),
  };
  if (answer.cookies.length > 0) headers['set-cookie'] = [...answer.cookies];
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
