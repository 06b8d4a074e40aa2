/**
 * The functions the table's stream invokes (DynamoDB Streams, new and old images). The CDK construct
 * (infra/constructs/stream-consumers.ts) and the local target's stream poller (infra/local/services/streams.ts)
 * are both built from this table, as the API is from the route table: same handler, filter and batch size.
 */
import { dashboardKeys } from '../../shared/data/keys.ts';
import { LEDGER_ITEM_TYPES } from '../../shared/data/stream-records.ts';

export interface StreamConsumer {
  readonly name: string;
  /** The handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Only changes of these item types (`type`, in the new or the old image) invoke it. */
  readonly itemTypes: readonly string[];
  /** Records per invocation, at most. */
  readonly batchSize: number;
  /**
   * How long records may gather before an invocation (Lambda's MaximumBatchingWindowInSeconds): fewer,
   * fuller batches (fewer transactions per record) for figures at most this much older.
   */
  readonly batchingWindowSeconds: number;
  /** Retries of a failing batch (halved each time) before its records go to the failure queue. */
  readonly retryAttempts: number;
  /** The partitions (leading keys) of the table it may read and write, and no others. */
  readonly partitionPrefixes: readonly string[];
  readonly timeoutSeconds: number;
  readonly memorySize: number;
}

export const STREAM_CONSUMERS = {
  aggregateDashboard: {
    name: 'aggregateDashboard',
    entry: 'functions/streams/aggregate-dashboard.ts',
    description: 'Counts redemptions, reversals, issues and voids into the campaign dashboards, each change once',
    itemTypes: LEDGER_ITEM_TYPES,
    batchSize: 100,
    batchingWindowSeconds: 1,
    retryAttempts: 10,
    partitionPrefixes: dashboardKeys.partitionPrefixes,
    timeoutSeconds: 60,
    memorySize: 512,
  },
} as const satisfies Record<string, StreamConsumer>;

export type StreamConsumerName = keyof typeof STREAM_CONSUMERS;

export const STREAM_CONSUMER_LIST: readonly StreamConsumer[] = Object.values(STREAM_CONSUMERS);

/** A record's item type, as the mapping's filter reads it (`dynamodb.NewImage.type.S`, else the old image's). */
export function matchesConsumer(
  consumer: StreamConsumer,
  record: { dynamodb?: { NewImage?: { type?: { S?: string } }; OldImage?: { type?: { S?: string } } } },
): boolean {
  const types = [record.dynamodb?.NewImage?.type?.S, record.dynamodb?.OldImage?.type?.S];
  return types.some((type) => type !== undefined && consumer.itemTypes.includes(type));
}
