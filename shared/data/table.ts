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
import { pauseBeforeRetry } from './backoff.ts';
import type { Key } from './keys.ts';

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
