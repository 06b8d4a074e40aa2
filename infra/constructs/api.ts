/**
 * The HTTP API, built from the route table (functions/routes/index.ts): one function per route, on every
 * route that is not public the authorizer of the user pool its roles sign in to (shared/auth/user-pools.ts),
 * and exactly the permissions each route declares.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpJwtAuthorizer,
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { CORS_POLICY } from '../../functions/routes/cors.ts';
import { type AnyRoute, FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import type { JobName, SecretName } from '../../functions/routes/route.ts';
import {
  FALLBACK_ROUTE_KEY,
  FALLBACK_THROTTLE,
  routeKeyOf,
  type ThrottleLimits,
  throttleOf,
} from '../../functions/routes/throttle.ts';
import { userPoolClientIdVariable, userPoolIssuerVariable } from '../../functions/runtime/environment-variables.ts';
import { USER_POOLS, type UserPoolName, userPoolsOf } from '../../shared/auth/user-pools.ts';
import type { WorkflowName } from '../../shared/services/workflows.ts';
import { grantPermissions, type MailResources } from './grants.ts';
import { ProjectFunction, type ProjectFunctionProps, REPO_ROOT } from './project-function.ts';

/** The function behind the authorizer of routes open to both user pools. */
export const ANY_POOL_AUTHORIZER = {
  operationId: 'authorizeAnyUserPool',
  entry: 'functions/identity/any-pool-authorizer.ts',
} as const;

/** A handler that is not in the route table: the catch-all `$default` route. */
export interface FallbackRoute {
  readonly operationId: string;
  readonly entry: string;
}

export interface ApiProps {
  readonly stage: string;
  readonly table: ITableV2;
  /** The secrets routes may ask for, by the logical name they use in `permissions.secrets`. */
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  /** The buckets routes may ask for (`permissions.buckets`). */
  readonly buckets: { readonly documents: IBucket };
  /** The background jobs routes may start (`permissions.jobs`), by name. */
  readonly jobs: Readonly<Partial<Record<JobName, IFunction>>>;
  /** The state machines routes may start (`permissions.workflows`), by name. */
  readonly workflows?: Readonly<Partial<Record<WorkflowName, IStateMachine>>>;
  /** The town's SES sender, for routes that mail (`permissions.mail`: the applicants' receipt and decision). */
  readonly mail?: MailResources;
  /**
   * The user pools whose ID tokens the API accepts: each pool's `iss` (its URL) and `aud` (the pages' app
   * client id). A route takes the tokens of the pools of its roles only.
   */
  readonly userPools: Readonly<Record<UserPoolName, { readonly issuer: string; readonly clientId: string }>>;
  /** The only browser origin allowed to call the API (the CloudFront URL of the pages). */
  readonly allowedOrigin: string;
  /**
   * The operations to serve.
   * @default ROUTE_LIST
   */
  readonly routes?: readonly AnyRoute[];
  /**
   * What answers requests that match no route; `null` leaves API Gateway's own 404.
   * @default FALLBACK_ROUTE
   */
  readonly fallbackRoute?: FallbackRoute | null;
  /**
   * The stage's default route limits, for a route that has none of its own: every route of the table and
   * `$default` get theirs from functions/routes/throttle.ts (a budget each, so a flood of anonymous requests
   * never spends the shops'). API Gateway answers 429 above them.
   * @default FALLBACK_THROTTLE (the smallest cap)
   */
  readonly throttle?: ThrottleSettings;
  /** Defaults for every route's function (log retention, log level, ...). */
  readonly functionDefaults?: Pick<ProjectFunctionProps, 'logRetention' | 'logRemovalPolicy' | 'logLevel'>;
  /**
   * Access logs hold callers' IP addresses (personal data): kept long enough to investigate abuse, no longer.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly accessLogRetention?: RetentionDays;
  /**
   * What happens to the access log group when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly accessLogRemovalPolicy?: RemovalPolicy;
}

const METHODS: Readonly<Record<AnyRoute['method'], HttpMethod>> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PUT: HttpMethod.PUT,
  PATCH: HttpMethod.PATCH,
  DELETE: HttpMethod.DELETE,
};

/**
 * HTTP API access log fields (not REST API ones: `$context.identity.caller` etc. do not exist here). The
 * route (`GET /public/vouchers/{code}`), never the path: voucher codes travel in paths (the scanner's and
 * the public look-up), and a code in a log is money that anyone reading the log could spend.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
} as const;
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS));

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The API's base URL, with a trailing slash. */
  readonly url: string;
  /** The function of each operation, by operationId (and the fallback's). */
  readonly functions: Readonly<Record<string, ProjectFunction>>;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const routes = props.routes ?? ROUTE_LIST;
    assertUniqueOperationIds(routes);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `Voucher platform API (${props.stage})`,
      // Our own $default stage below, so it can carry access logging and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
        ],
        allowHeaders: [...CORS_POLICY.allowHeaders],
        exposeHeaders: [...CORS_POLICY.exposeHeaders],
        // Bearer tokens travel in a header, never in cookies.
        allowCredentials: false,
        maxAge: Duration.seconds(CORS_POLICY.maxAgeSeconds),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: props.accessLogRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: props.throttle ?? FALLBACK_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = this.stage.url;

    const functions: Record<string, ProjectFunction> = {};
    const routeLimits: Record<string, ThrottleLimits> = {};
    const httpRoutes: HttpRoute[] = [];
    const newFunction = (operationId: string, entry: string, description: string) =>
      new ProjectFunction(this, operationId, {
        ...props.functionDefaults,
        entry: join(REPO_ROOT, entry),
        stage: props.stage,
        // Lambda refuses descriptions over 256 characters.
        description: description.slice(0, 256),
      });

    // ID tokens, because they carry the groups and custom:merchantId the handlers authorise with.
    const poolAuthorizers = Object.fromEntries(
      USER_POOLS.map((pool) => [
        pool,
        new HttpJwtAuthorizer(`${pool}PoolIdToken`, props.userPools[pool].issuer, {
          jwtAudience: [props.userPools[pool].clientId],
          identitySource: ['$request.header.Authorization'],
        }),
      ]),
    ) as Record<UserPoolName, HttpJwtAuthorizer>;
    // A JWT authorizer trusts one issuer: routes open to both pools' users (GET /me) get a Lambda authorizer
    // that checks each pool's tokens the same way, created only if the route table has such a route.
    let anyPoolAuthorizer: HttpLambdaAuthorizer | undefined;
    const anyPool = () => {
      if (anyPoolAuthorizer) return anyPoolAuthorizer;
      const fn = newFunction(
        ANY_POOL_AUTHORIZER.operationId,
        ANY_POOL_AUTHORIZER.entry,
        'Checks the ID token of either user pool, for routes open to staff and shopkeepers',
      );
      for (const pool of USER_POOLS) {
        fn.addEnvironment(userPoolIssuerVariable(pool), props.userPools[pool].issuer);
        fn.addEnvironment(userPoolClientIdVariable(pool), props.userPools[pool].clientId);
      }
      functions[ANY_POOL_AUTHORIZER.operationId] = fn;
      anyPoolAuthorizer = new HttpLambdaAuthorizer('anyPoolIdToken', fn, {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.Authorization'],
        // No cache: an answer cached for a token could outlive the token's expiry.
        resultsCacheTtl: Duration.seconds(0),
      });
      return anyPoolAuthorizer;
    };
    const noAuthorizer = new HttpNoneAuthorizer();
    const authorizerOf = (route: AnyRoute) => {
      if (route.access === 'public') return noAuthorizer;
      const pools = userPoolsOf(route.access);
      const [only] = pools;
      return pools.length === 1 && only ? poolAuthorizers[only] : anyPool();
    };

    for (const route of routes) {
      const fn = newFunction(route.operationId, route.entry, `${route.method} ${route.path}: ${route.summary}`);
      grantPermissions(fn, `Api: ${route.operationId}`, route.permissions, props);
      functions[route.operationId] = fn;

      const isPublic = route.access === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [METHODS[route.method]],
        integration: new HttpLambdaIntegration(`${route.operationId}Integration`, fn),
        authorizer: authorizerOf(route),
      });
      if (httpRoute) httpRoutes.push(httpRoute);
      routeLimits[routeKeyOf(route)] = throttleOf(route);
      if (isPublic && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.operationId} is public by design in the route table (access: 'public'): ${route.summary}.`,
        });
      }
    }

    const fallback = props.fallbackRoute === undefined ? FALLBACK_ROUTE : props.fallbackRoute;
    if (fallback) {
      const fn = newFunction(fallback.operationId, fallback.entry, 'Answers requests that match no route');
      functions[fallback.operationId] = fn;
      const route = new HttpRoute(this, 'FallbackRoute', {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.DEFAULT,
        integration: new HttpLambdaIntegration('FallbackIntegration', fn),
        authorizer: noAuthorizer,
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'The catch-all route only answers a 404 problem document; it reads no data and needs no grant.',
      });
      httpRoutes.push(route);
      routeLimits[FALLBACK_ROUTE_KEY] = FALLBACK_THROTTLE;
    }
    this.functions = functions;

    // Each route its own budget (HttpStage has no prop for route settings: the L1's, keyed by route key).
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(routeLimits).map(([routeKey, limits]) => [
        routeKey,
        { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit },
      ]),
    );
    // The settings name routes by key: CloudFormation must create the routes before the stage that names them.
    for (const httpRoute of httpRoutes) cfnStage.node.addDependency(httpRoute);
  }
}

function assertUniqueOperationIds(routes: readonly AnyRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    if (seen.has(route.operationId)) {
      throw new Error(`Api: operationId ${route.operationId} appears twice in the route table`);
    }
    seen.add(route.operationId);
  }
}
