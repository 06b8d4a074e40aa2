/**
 * The data layer's one way to talk to the table: stores call these helpers (never the SDK's commands), so
 * paging, batching, unprocessed items and refused conditions are handled the same way everywhere.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../errors/domain-error.ts';
import { pauseBeforeRetry } from './backoff.ts';
import type { Key } from './keys.ts';
import type { IndexName } from './table-design.ts';

export interface TableContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** A stored item, keys and all. */
export type Item = Record<string, unknown>;

/** A query without the table (the helpers add it) and without the paging key (they follow it). */
export type Query = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** A condition on a write: the expression and what it names. */
export interface Condition {
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/** The write is refused if an item with this key exists: records written once. */
export const IF_ABSENT: Condition = { ConditionExpression: 'attribute_not_exists(pk)' };

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'expiresAt',
  'type',
]);

/** Drops the storage-only attributes (keys, TTL, item type) from an item. */
export function withoutKeys<T>(item: Item): T {
  const record: Item = {};
  for (const [name, value] of Object.entries(item)) {
    if (!KEY_ATTRIBUTES.has(name)) record[name] = value;
  }
  return record as T;
}

/** True when a write was refused by its ConditionExpression (the SDK error's name; no class import needed). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** One item by key, strongly consistent unless told otherwise. */
export async function getItem(
  table: TableContext,
  key: Key,
  options: { consistent?: boolean; projection?: string } = {},
): Promise<Item | undefined> {
  const result = await table.doc.send(
    new GetCommand({
      TableName: table.tableName,
      Key: key,
      ConsistentRead: options.consistent ?? true,
      ...(options.projection ? { ProjectionExpression: options.projection } : {}),
    }),
  );
  return result.Item;
}

/** One record (the item without its storage attributes) by key, strongly consistent. */
export async function getRecord<T>(table: TableContext, key: Key): Promise<T | undefined> {
  const item = await getItem(table, key);
  return item ? withoutKeys<T>(item) : undefined;
}

/** Writes a whole item; false (nothing written) when `condition` refuses it. */
export async function putItem(table: TableContext, item: Item, condition?: Condition): Promise<boolean> {
  try {
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item, ...condition }));
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * Updates one item; `applied: false` when its condition refuses the update. `attributes` holds what
 * ReturnValues asked for.
 */
export async function updateItem(
  table: TableContext,
  update: Omit<UpdateCommandInput, 'TableName'>,
): Promise<{ applied: boolean; attributes?: Item }> {
  try {
    const result = await table.doc.send(new UpdateCommand({ ...update, TableName: table.tableName }));
    return { applied: true, ...(result.Attributes ? { attributes: result.Attributes } : {}) };
  } catch (error) {
    if (isConditionalCheckFailed(error)) return { applied: false };
    throw error;
  }
}

/** One page of a query, from `startKey`; `nextKey` is set while there is more. */
export async function queryPage(
  table: TableContext,
  query: Query,
  startKey?: Item,
): Promise<{ items: Item[]; nextKey: Item | undefined }> {
  const page = await table.doc.send(
    new QueryCommand({ ...query, TableName: table.tableName, ExclusiveStartKey: startKey }),
  );
  return { items: page.Items ?? [], nextKey: page.LastEvaluatedKey };
}

/**
 * The newest item of one partition of an index whose sort key starts with its creation time (a campaign's
 * imports, its issuance runs), or undefined. Eventually consistent, as every index read.
 */
export async function newestOf<T>(
  table: TableContext,
  indexName: IndexName,
  partition: string,
): Promise<T | undefined> {
  const { items } = await queryPage(table, {
    IndexName: indexName,
    KeyConditionExpression: `${indexName}pk = :pk`,
    ExpressionAttributeValues: { ':pk': partition },
    ScanIndexForward: false,
    Limit: 1,
  });
  return items[0] as T | undefined;
}

/** The pages of a query, one at a time: for results too big to hold at once. */
export async function* pages(table: TableContext, query: Query, startKey?: Item): AsyncGenerator<Item[]> {
  let next = startKey;
  do {
    const page = await queryPage(table, query, next);
    yield page.items;
    next = page.nextKey;
  } while (next);
}

/** Runs a query to the end. Use only where the result is known to be bounded. */
export async function queryAll(table: TableContext, query: Query): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages(table, query)) items.push(...page);
  return items;
}

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;

/**
 * The items of `keys` that exist, in no particular order (BatchGetItem, 100 keys a request). Keys the service
 * leaves unprocessed under load are asked again after a jittered pause.
 */
export async function batchGetAll(
  table: TableContext,
  keys: readonly Key[],
  options: { projection?: string; consistent?: boolean } = {},
): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: Item[] = keys.slice(start, start + BATCH_GET_LIMIT).map((key) => ({ ...key }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await pauseBeforeRetry(attempt, 25, 1000);
      const result = await table.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table.tableName]: {
              Keys: pending,
              ConsistentRead: options.consistent ?? true,
              ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            },
          },
        }),
      );
      found.push(...(result.Responses?.[table.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Item[];
    }
  }
  return found;
}

/**
 * Several items by name in one BatchGetItem (strongly consistent): what a use case decides on, read in one
 * round trip instead of one per item. A name whose key is undefined is not asked for; a missing item is
 * undefined.
 */
export async function getItems<Name extends string>(
  table: TableContext,
  keys: Readonly<Record<Name, Key | undefined>>,
): Promise<Record<Name, Item | undefined>> {
  const named = (Object.entries(keys) as Array<[Name, Key | undefined]>).filter(
    (entry): entry is [Name, Key] => entry[1] !== undefined,
  );
  const id = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\n${String(key.sk)}`;
  const unique = new Map(named.map(([, key]) => [id(key), key]));
  const found = new Map((await batchGetAll(table, [...unique.values()])).map((item) => [id(item as Key), item]));
  const result = {} as Record<Name, Item | undefined>;
  for (const name of Object.keys(keys) as Name[]) {
    const key = keys[name];
    result[name] = key ? found.get(id(key)) : undefined;
  }
  return result;
}

export type WriteRequest = { readonly put: Item } | { readonly delete: Key };

/**
 * Puts and deletes without conditions (BatchWriteItem, 25 a request), retrying unprocessed items after a
 * jittered pause. Not atomic: for writes that are each complete on their own (purges, bulk loads).
 */
export async function batchWriteAll(table: TableContext, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    let pending: unknown[] = requests
      .slice(start, start + BATCH_WRITE_LIMIT)
      .map((request) =>
        'put' in request ? { PutRequest: { Item: request.put } } : { DeleteRequest: { Key: request.delete } },
      );
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await pauseBeforeRetry(attempt, 25, 1000);
      const result = await table.doc.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: pending as never } }),
      );
      pending = result.UnprocessedItems?.[table.tableName] ?? [];
    }
  }
}

/** Deletes every item a query finds, page by page as they come (purges); returns how many. */
export async function deleteAll(table: TableContext, query: Query): Promise<number> {
  let deleted = 0;
  for await (const page of pages(table, { ...query, ProjectionExpression: 'pk, sk' })) {
    await batchWriteAll(
      table,
      page.map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } })),
    );
    deleted += page.length;
  }
  return deleted;
}

/** What a list route asks for: how many items at most, and where the previous page stopped. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** One page of a list and the opaque cursor of the next (null at the end). */
export interface Page {
  readonly items: Item[];
  readonly nextCursor: string | null;
}

/**
 * What a cursor must carry to resume this list: each named key attribute equal to a value (the caller's
 * partition, e.g. the shop's redemptions) or within an inclusive range (the query's sort-key bounds).
 */
export type CursorBinding = Readonly<Record<string, string | readonly [string, string]>>;

const CURSOR_VERSION = 'c1';
/** Queries one page may take when items are dropped after reading (filters), before it answers short. */
const MAX_READS_PER_PAGE = 10;

/** A cursor refused: 400 VALIDATION_FAILED, without saying which check it failed. */
function refuseCursor(): never {
  throw new DomainError('VALIDATION_FAILED', 'This cursor is not one this list gave.');
}

function keyAttributesOf(query: Query): string[] {
  const index = query.IndexName;
  return index ? [`${index}pk`, `${index}sk`, 'pk', 'sk'] : ['pk', 'sk'];
}

function encodeCursor(key: Item): string {
  return `${CURSOR_VERSION}.${Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')}`;
}

/**
 * The paging key a cursor holds, refused unless it is one this very list could have given: exactly the
 * key attributes of the queried index, strings, and bound to the same partition and range. A cursor of
 * another list, another caller or an edited one never reaches the table.
 */
export function decodeCursor(cursor: string, query: Query, binding: CursorBinding): Item {
  const [version, body, extra] = cursor.split('.');
  if (version !== CURSOR_VERSION || !body || extra !== undefined) refuseCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    refuseCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) refuseCursor();
  const record = key as Item;
  const expected = keyAttributesOf(query);
  const names = Object.keys(record);
  if (names.length !== expected.length || !expected.every((name) => typeof record[name] === 'string')) {
    refuseCursor();
  }
  for (const [name, bound] of Object.entries(binding)) {
    const value = record[name] as string;
    const inside = typeof bound === 'string' ? value === bound : value >= bound[0] && value <= bound[1];
    if (!inside) refuseCursor();
  }
  return record;
}

/**
 * One page of a list route: at most `limit` items from where `cursor` stopped, and the cursor of the next
 * page. Items `keep` drops (filters applied after reading) do not count: the page reads on until it is
 * full or the list ends, within a bound of queries (then it answers short, with a cursor). The cursor is
 * opaque and checked against `binding` before use (see decodeCursor). The one paging helper of every list.
 */
export async function listPage(
  table: TableContext,
  query: Query,
  request: PageRequest,
  binding: CursorBinding,
  keep: (item: Item) => boolean = () => true,
): Promise<Page> {
  let next = request.cursor === undefined ? undefined : decodeCursor(request.cursor, query, binding);
  const items: Item[] = [];
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    // Never read more than the page still needs: the last evaluated key is then the resume point.
    const page = await queryPage(table, { ...query, Limit: request.limit - items.length }, next);
    items.push(...page.items.filter(keep));
    next = page.nextKey;
    if (!next || items.length >= request.limit) break;
  }
  return { items, nextCursor: next ? encodeCursor(next) : null };
}
