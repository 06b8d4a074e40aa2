/**
 * TransactWriteItems with the retry policy every ledger write needs. Contention (another transaction on
 * the same item at the same moment) is retried here with jittered exponential backoff, so a client never
 * sees it; a refused condition is returned to the caller, who re-reads and decides again (the refusal may
 * be real, e.g. the balance is now too low, or the state may simply have moved on).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { TableContext } from './table.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TransactionOutcome {
  readonly committed: boolean;
  /** For a refused transaction: the index of each item whose condition failed. */
  readonly failedItems: readonly number[];
  /**
   * The current state of the refused items that asked for it (ReturnValuesOnConditionCheckFailure:
   * ALL_OLD), by index: the caller can decide again without reading them back.
   */
  readonly currentItems: ReadonlyMap<number, Record<string, unknown>>;
  /** Attempts lost to contention before this outcome (for the benchmarks). */
  readonly conflicts: number;
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Full jitter: a random delay up to min(cap, base * 2^attempt). */
export function backoffMs(attempt: number, baseMs = 8, capMs = 250): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export async function transactWrite(
  table: TableContext,
  items: readonly TransactItem[],
  options: { budgetMs?: number } = {},
): Promise<TransactionOutcome> {
  const deadline = Date.now() + (options.budgetMs ?? 6_000);
  let conflicts = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: [...items],
        }),
      );
      return { committed: true, failedItems: [], currentItems: new Map(), conflicts };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
      const failedItems = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      const contended =
        CONTENTION_ERRORS.has(name) ||
        (name === 'TransactionCanceledException' &&
          failedItems.length === 0 &&
          reasons.some((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError'));
      if (name === 'TransactionCanceledException' && failedItems.length > 0) {
        const currentItems = new Map<number, Record<string, unknown>>();
        reasons.forEach((reason, index) => {
          // The document client does not unmarshall the items inside an error.
          if (reason.Item) currentItems.set(index, unmarshall(reason.Item));
        });
        return { committed: false, failedItems, currentItems, conflicts };
      }
      if (!contended) throw error;
      conflicts += 1;
      if (Date.now() > deadline) {
        throw new ContentionTimeoutError(`Gave up after ${conflicts} conflicting attempts`);
      }
      await sleep(backoffMs(attempt));
    }
  }
}
