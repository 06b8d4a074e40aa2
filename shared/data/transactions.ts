/**
 * TransactWriteItems with named parts and the retry policy every multi-item write needs. Contention is
 * retried here with jittered backoff, so a client never sees it; a refused condition is returned by part
 * name (`outcome.failed('idempotency')`), and the caller re-reads or decides again.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { pauseBeforeRetry } from './backoff.ts';
import type { Condition, Item, TableContext } from './table.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction's items by part name, in order; a part may hold several items (audit events, shops). */
export type TransactionParts = Readonly<Record<string, TransactItem | readonly TransactItem[]>>;

export interface TransactionOutcome<Part extends string = string> {
  readonly committed: boolean;
  /** Attempts lost to contention before this outcome (for metrics and benchmarks). */
  readonly conflicts: number;
  /** Whether an item of `part` refused the transaction by its condition. */
  failed(part: Part): boolean;
  /**
   * The current state of a refused item of `part` that asked for it (ReturnValuesOnConditionCheckFailure:
   * ALL_OLD): the caller can decide again without reading it back.
   */
  current(part: Part): Item | undefined;
}

const CONTENTION_ERRORS = new Set([
  'TransactionConflictException',
  'TransactionInProgressException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

export class ContentionTimeoutError extends Error {
  override readonly name = 'ContentionTimeoutError';
}

interface CancellationReason {
  Code?: string;
  Item?: Record<string, AttributeValue>;
}

/** A Put that refuses to overwrite anything: records written once. */
export function putNew(tableName: string, item: Item): TransactItem {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** A Put under a condition (e.g. the version that was read). */
export function putIf(tableName: string, item: Item, condition: Condition): TransactItem {
  return { Put: { TableName: tableName, Item: item, ...condition } };
}

/** The items of `parts` in order, as TransactWriteItems takes them. */
export function transactionItems(parts: TransactionParts): TransactItem[] {
  return Object.values(parts).flatMap((part) => (Array.isArray(part) ? [...part] : [part as TransactItem]));
}

export async function transactWrite<Parts extends TransactionParts>(
  table: TableContext,
  parts: Parts,
  options: { budgetMs?: number } = {},
): Promise<TransactionOutcome<Extract<keyof Parts, string>>> {
  type Part = Extract<keyof Parts, string>;
  const items: TransactItem[] = [];
  const partOf: Part[] = [];
  for (const [name, part] of Object.entries(parts)) {
    for (const item of Array.isArray(part) ? part : [part as TransactItem]) {
      items.push(item);
      partOf.push(name as Part);
    }
  }
  const deadline = Date.now() + (options.budgetMs ?? 6_000);
  let conflicts = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { committed: true, conflicts, failed: () => false, current: () => undefined };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
      const refused = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      if (name === 'TransactionCanceledException' && refused.length > 0) {
        const failedParts = new Set(refused.map((index) => partOf[index]));
        const currentItems = new Map<Part, Item>();
        for (const index of refused) {
          const reason = reasons[index];
          const part = partOf[index];
          // The document client does not unmarshall the items inside an error.
          if (reason?.Item && part && !currentItems.has(part)) currentItems.set(part, unmarshall(reason.Item));
        }
        return {
          committed: false,
          conflicts,
          failed: (part) => failedParts.has(part),
          current: (part) => currentItems.get(part),
        };
      }
      const contended =
        CONTENTION_ERRORS.has(name) ||
        (name === 'TransactionCanceledException' &&
          reasons.some((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError'));
      if (!contended) throw error;
      conflicts += 1;
      if (Date.now() > deadline) {
        throw new ContentionTimeoutError(`Gave up after ${conflicts} conflicting attempts`);
      }
      await pauseBeforeRetry(attempt);
    }
  }
}
