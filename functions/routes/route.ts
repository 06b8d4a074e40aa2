/**
 * What a route is: the single description of an HTTP operation that the handler framework (validation,
 * authorisation), the local gateway, the CDK HTTP API and the OpenAPI document all read.
 */
import type * as z from 'zod/mini';
import type { Role } from '../../shared/auth/roles.ts';
import type { ErrorCode } from '../../shared/errors/domain-error.ts';
import type { JobName } from '../../shared/services/jobs.ts';
import type { WorkflowName } from '../../shared/services/workflows.ts';
import type { ThrottleClass } from './throttle.ts';

export type { JobName };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: no token needed. Otherwise the roles allowed (any one suffices). */
export type Access = 'public' | readonly Role[];

/**
 * Items of the table by partition key: IAM `dynamodb:LeadingKeys` patterns (StringLike: `*` matches any
 * characters), named in shared/data/key-scopes.ts. A Query on an index is checked against the index's
 * partition key, the only key it names.
 */
export interface ScopedTableAccess {
  /** GetItem, BatchGetItem, Query and transaction condition checks of these partitions. */
  readonly read: readonly string[];
  /** PutItem, UpdateItem, DeleteItem (alone, in a batch or in a transaction) of these partitions. */
  readonly write?: readonly string[];
  /** Partitions refused even where a pattern above matches them (e.g. a campaign's lists: EXCEPT_LISTS). */
  readonly except?: readonly string[];
}

/** The whole table read-only, the whole table, or only some partitions (`dynamodb:LeadingKeys`). */
export type TableAccess = 'read' | 'readWrite' | ScopedTableAccess;

/** Objects of a bucket by key prefix (`uploads/registers/`): no other key can be read, listed or written. */
export interface ScopedBucketAccess {
  readonly read?: readonly string[];
  /** Put and delete (a presigned upload needs the same). */
  readonly write?: readonly string[];
}

export type BucketAccess = 'read' | 'readWrite' | ScopedBucketAccess;

/** What the function needs from the rest of the stack; the CDK construct grants exactly this. */
export interface Permissions {
  readonly table?: TableAccess;
  /** Secrets the function reads (each also sets its `<NAME>_SECRET_ID` variable, e.g. VOUCHER_CODE_KEY_SECRET_ID). */
  readonly secrets?: readonly SecretName[];
  /** Object access to the platform's buckets (sets DOCUMENTS_BUCKET); presigning a URL needs the same grant. */
  readonly buckets?: { readonly documents?: BucketAccess };
  /** Background jobs the function may start (Lambda async invoke; sets `<JOB>_FUNCTION_NAME`). */
  readonly jobs?: readonly JobName[];
  /** State machines the function may start (StartExecution; sets `<WORKFLOW>_STATE_MACHINE_ARN`). */
  readonly workflows?: readonly WorkflowName[];
  /** Sends e-mail through SES from the town's verified sender (sets MAIL_FROM, MAIL_CONFIGURATION_SET). */
  readonly mail?: boolean;
  /** Settings the function reads: `town` = the town's name, bank account and finance/admin addresses. */
  readonly settings?: readonly 'town'[];
}

/**
 * The platform's secrets, by logical name. `personKey` keys the hash that stands for a national number
 * (and a household id): people are de-duplicated and found by it, and the table never holds the number.
 */
export type SecretName = 'voucherCodeKey' | 'personKey';

export interface RouteDefinition<
  Params extends z.core.$ZodType = z.core.$ZodType,
  Query extends z.core.$ZodType = z.core.$ZodType,
  Body extends z.core.$ZodType = z.core.$ZodType,
  Result extends z.core.$ZodType = z.core.$ZodType,
  A extends Access = Access,
  I extends boolean = boolean,
> {
  /** Unique, stable, camelCase: the OpenAPI operationId and the CDK construct id. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway syntax: `/merchant/vouchers/{code}`. */
  readonly path: string;
  /** The handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly access: A;
  readonly summary: string;
  readonly tag: string;
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  /** The request must carry an `Idempotency-Key` header. */
  readonly idempotencyKey?: I;
  readonly success: { readonly status: number; readonly description: string; readonly schema: Result };
  /** The problem codes this operation can answer with (beyond the framework's own). */
  readonly errors: readonly ErrorCode[];
  readonly permissions: Permissions;
  /** Defaults to `no-store`: most answers are personal or financial. */
  readonly cacheControl?: string;
  /** Its request limits (functions/routes/throttle.ts); by default from `access`: public, shop or staff. */
  readonly throttle?: ThrottleClass;
}

export type AnyRoute = RouteDefinition<
  z.core.$ZodType,
  z.core.$ZodType,
  z.core.$ZodType,
  z.core.$ZodType,
  Access,
  boolean
>;

/** Identity function that keeps the literal types of a route (for typed handlers). */
export function defineRoute<
  Params extends z.core.$ZodType,
  Query extends z.core.$ZodType,
  Body extends z.core.$ZodType,
  Result extends z.core.$ZodType,
  const A extends Access,
  const I extends boolean = false,
>(route: RouteDefinition<Params, Query, Body, Result, A, I>): RouteDefinition<Params, Query, Body, Result, A, I> {
  return route;
}
