/**
 * What one DynamoDB or S3 call touches, and whether a function's declared permissions (functions/routes/route.ts)
 * allow it: the local target's reading of the IAM policies infra/constructs/project-function.ts writes from the
 * same declarations. Pure, so that each rule is unit-tested (test/unit/aws-access.test.ts).
 *
 * As in IAM, a transaction or a batch is allowed only if every item in it is, and a Scan has no partition to
 * match, so only a whole-table grant allows it.
 */
import type { BucketAccess, Permissions, TableAccess } from '../../functions/routes/route.ts';
import { TABLE_DESIGN } from '../../shared/data/table-design.ts';

export type TableAction = 'read' | 'write' | 'scan';

/** One item-level access: the action's kind and the partition key it names (of the index, for a Query on one). */
export interface TableAccessRequest {
  readonly service: 'dynamodb';
  readonly action: TableAction;
  readonly operation: string;
  readonly partition: string;
}

export type BucketAction = 'read' | 'write' | 'list';

export interface BucketAccessRequest {
  readonly service: 's3';
  readonly action: BucketAction;
  readonly operation: string;
  /** The object key, or the listed prefix. */
  readonly key: string;
}

export type AccessRequest = TableAccessRequest | BucketAccessRequest;

type Input = Record<string, unknown>;

const PARTITION_ATTRIBUTES = new Map<string | undefined, string>([
  [undefined, TABLE_DESIGN.partitionKey],
  ...TABLE_DESIGN.globalSecondaryIndexes.map((index) => [index.indexName, index.partitionKey] as const),
]);

/** A key attribute as the document client sends it (plain) or as the raw client does (`{ S: ... }`). */
function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') {
    return (value as { S: string }).S;
  }
  throw new Error(`a partition key that is not a string: ${JSON.stringify(value)}`);
}

function partitionOfItem(item: unknown): string {
  return stringOf((item as Input | undefined)?.[TABLE_DESIGN.partitionKey]);
}

/** The value a Query's key condition gives the partition key of the table or index it reads. */
function partitionOfQuery(input: Input): string {
  const attribute = PARTITION_ATTRIBUTES.get(input.IndexName as string | undefined);
  if (!attribute) throw new Error(`a Query on an unknown index ${String(input.IndexName)}`);
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const condition = String(input.KeyConditionExpression ?? '');
  for (const [, name, placeholder] of condition.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    if ((names[name as string] ?? name) === attribute) return stringOf(values[placeholder as string]);
  }
  throw new Error(`a Query whose key condition names no value for ${attribute}: ${condition}`);
}

/** Every item-level access a DynamoDB call makes. */
export function dynamoDbAccesses(operation: string, input: Input): TableAccessRequest[] {
  const access = (action: TableAction, partition: string): TableAccessRequest => ({
    service: 'dynamodb',
    action,
    operation,
    partition,
  });
  switch (operation) {
    case 'GetItem':
      return [access('read', partitionOfItem(input.Key))];
    case 'PutItem':
      return [access('write', partitionOfItem(input.Item))];
    case 'UpdateItem':
    case 'DeleteItem':
      return [access('write', partitionOfItem(input.Key))];
    case 'Query':
      return [access('read', partitionOfQuery(input))];
    case 'Scan':
      return [access('scan', '')];
    case 'BatchGetItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((request) =>
        (request.Keys ?? []).map((key) => access('read', partitionOfItem(key))),
      );
    case 'BatchWriteItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, Input[]>).flatMap((requests) =>
        requests.map((request) => {
          const put = request.PutRequest as { Item?: unknown } | undefined;
          const del = request.DeleteRequest as { Key?: unknown } | undefined;
          return access('write', partitionOfItem(put ? put.Item : del?.Key));
        }),
      );
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Input[]).map((item) =>
        access('read', partitionOfItem((item.Get as Input | undefined)?.Key)),
      );
    case 'TransactWriteItems':
      return ((input.TransactItems ?? []) as Input[]).map((item) => {
        if (item.ConditionCheck) return access('read', partitionOfItem((item.ConditionCheck as Input).Key));
        if (item.Put) return access('write', partitionOfItem((item.Put as Input).Item));
        const update = (item.Update ?? item.Delete) as Input | undefined;
        return access('write', partitionOfItem(update?.Key));
      });
    default:
      // Table management (DescribeTable...) and stream reads: no function declares them, the target does them.
      return [access('scan', '')];
  }
}

const S3_READS = new Set(['GetObject', 'HeadObject']);
const S3_WRITES = new Set([
  'PutObject',
  'DeleteObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
]);

/** What an S3 call touches; presigning a URL counts as the call the URL will make. */
export function s3Accesses(operation: string, input: Input): BucketAccessRequest[] {
  const access = (action: BucketAction, key: string): BucketAccessRequest => ({
    service: 's3',
    action,
    operation,
    key,
  });
  if (S3_READS.has(operation)) return [access('read', String(input.Key))];
  if (S3_WRITES.has(operation)) return [access('write', String(input.Key))];
  if (operation === 'ListObjectsV2' || operation === 'ListObjects') return [access('list', String(input.Prefix ?? ''))];
  if (operation === 'DeleteObjects') {
    const objects = ((input.Delete as { Objects?: { Key?: string }[] } | undefined)?.Objects ?? []) as {
      Key?: string;
    }[];
    return objects.map((object) => access('write', String(object.Key)));
  }
  // Bucket-level calls (CreateBucket, PutBucketCors...) are the target's, never a function's.
  return [access('list', '')];
}

const compiled = new Map<string, RegExp>();

/** IAM StringLike: `*` is any run of characters, `?` any one; nothing else is special. */
export function matchesPattern(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, 's');
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}

function tableAllows(access: TableAccess | undefined, request: TableAccessRequest): boolean {
  if (access === undefined) return false;
  if (access === 'readWrite') return true;
  if (access === 'read') return request.action === 'read';
  if (request.action === 'scan') return false;
  const patterns = request.action === 'read' ? access.read : (access.write ?? []);
  const matches = (pattern: string) => matchesPattern(pattern, request.partition);
  return patterns.some(matches) && !(access.except ?? []).some(matches);
}

function bucketAllows(access: BucketAccess | undefined, request: BucketAccessRequest): boolean {
  if (access === undefined) return false;
  if (access === 'readWrite') return true;
  if (access === 'read') return request.action !== 'write';
  const prefixes = request.action === 'write' ? (access.write ?? []) : (access.read ?? []);
  // A listing is allowed only inside a readable prefix (IAM: s3:ListBucket with an s3:prefix condition).
  return prefixes.some((prefix) => request.key.startsWith(prefix));
}

/** Whether the permissions a function declares let it make this access. */
export function allows(permissions: Permissions, request: AccessRequest): boolean {
  if (request.service === 'dynamodb') return tableAllows(permissions.table, request);
  return bucketAllows(permissions.buckets?.documents, request);
}

/** What AWS would answer, in its words: the same error name the SDK throws for a refused call. */
export function accessDenied(functionName: string, request: AccessRequest): Error {
  const resource = request.service === 'dynamodb' ? `partition ${request.partition}` : `object ${request.key}`;
  const error = new Error(
    `User: local function ${functionName} is not authorized to perform: ${request.service}:${request.operation} ` +
      `on ${resource} because no identity-based policy allows it (its permissions: functions/routes/route.ts)`,
  );
  error.name = 'AccessDeniedException';
  return Object.assign(error, { $fault: 'client', $metadata: { httpStatusCode: 400 } });
}
