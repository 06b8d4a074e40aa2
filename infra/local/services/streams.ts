/**
 * The local stand-in for Lambda's DynamoDB stream event source mappings: polls DynamoDB Local's stream of the
 * table, follows new shards (a child once its parent is read), and hands each consumer of
 * functions/streams/stream-consumers.ts the records its filter selects, in batches, as the same
 * DynamoDBStreamEvent Lambda builds. A failing batch is retried halved, then reported (AWS: the failure queue).
 * Checkpoints live in memory: after a restart the stream is read from its oldest record again, which the
 * consumers take in their stride (each counts a record once).
 */
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesConsumer, type StreamConsumer } from '../../../functions/streams/stream-consumers.ts';
import { importHandler } from '../function-grants.ts';
import { lambdaContext } from '../gateway/api-event.ts';
import { localDynamoDbClient } from './dynamodb.ts';
import { localStreamsApi, StreamsApiError, type WireStreamRecord } from './dynamodb-streams-api.ts';

type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<unknown>;

export interface StreamPollerOptions {
  /** DynamoDB Local's endpoint. */
  readonly endpoint: string;
  readonly tableName: string;
  readonly repoRoot: string;
  readonly consumers: readonly StreamConsumer[];
  /**
   * Pause between two reads that found nothing new (Lambda reads a shard four times a second).
   * @default 250
   */
  readonly pollIntervalMs?: number;
  /** Records a consumer failed on, retries exhausted: in AWS they go to its failure queue, with an alarm. */
  readonly onFailure?: (consumer: string, records: readonly DynamoDBRecord[], error: unknown) => void;
  /** The stream could not be read (it is tried again after the poll interval). */
  readonly onError?: (error: unknown) => void;
}

export interface LocalStreamPoller {
  /** Resolves once every record written before the call has been handed to its consumers. */
  idle(): Promise<void>;
  /** Stops handing records over (they wait in the stream): the benchmark's "aggregator off". */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  stop(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId?: string;
  iterator?: string;
  /** The last record handed over: where to read on after an expired iterator. */
  checkpoint?: string;
  finished: boolean;
  /** The shard list was read again since this shard ended (its children are known). */
  childrenListed?: boolean;
}

const SHARD_LIST_INTERVAL_MS = 5_000;

export async function startStreamPoller(options: StreamPollerOptions): Promise<LocalStreamPoller> {
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const api = localStreamsApi(options.endpoint);
  const client = localDynamoDbClient(options.endpoint);
  const described = await client.send(new DescribeTableCommand({ TableName: options.tableName }));
  client.destroy();
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream: see shared/data/table-design.ts`);

  const handlers = new Map<string, Promise<StreamHandler>>();
  const handlerOf = (consumer: StreamConsumer) => {
    let loaded = handlers.get(consumer.name);
    if (!loaded) {
      loaded = importHandler<StreamHandler>(options.repoRoot, consumer.entry);
      loaded.catch(() => handlers.delete(consumer.name));
      handlers.set(consumer.name, loaded);
    }
    return loaded;
  };

  let stopped = false;
  let paused = false;
  let wake: (() => void) | undefined;
  const pauseFor = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const invoke = async (consumer: StreamConsumer, records: DynamoDBRecord[]) => {
    const handler = await handlerOf(consumer);
    await handler({ Records: records }, lambdaContext(consumer.name, randomUUID(), consumer.timeoutSeconds * 1000));
  };

  /** Lambda's BisectBatchOnFunctionError with MaximumRetryAttempts: halve and retry, then give up loudly. */
  const deliver = async (consumer: StreamConsumer, records: DynamoDBRecord[], retriesLeft: number): Promise<void> => {
    try {
      await invoke(consumer, records);
    } catch (error) {
      if (retriesLeft <= 0 || stopped) {
        // Stopping: the records were not checkpointed and are read again at the next start.
        if (!stopped) options.onFailure?.(consumer.name, records, error);
        if (stopped) throw error;
        return;
      }
      await pauseFor(Math.min(2000, 100 * 2 ** (consumer.retryAttempts - retriesLeft)));
      const half = Math.ceil(records.length / 2);
      const parts = records.length > 1 ? [records.slice(0, half), records.slice(half)] : [records];
      for (const part of parts) await deliver(consumer, part, retriesLeft - 1);
    }
  };

  const shards = new Map<string, ShardState>();
  const readLimit = Math.min(1000, Math.max(...options.consumers.map((consumer) => consumer.batchSize)));

  let shardsListedAt = Number.NEGATIVE_INFINITY;
  const listShards = async () => {
    for (const shard of await api.shards(streamArn)) {
      if (!shards.has(shard.shardId)) shards.set(shard.shardId, { ...shard, finished: false });
    }
    shardsListedAt = performance.now();
  };

  /**
   * Reads each readable shard once and hands its records over. `complete` is false when a shard was left for
   * the next sweep (paused, or a child whose parent is not read to its end yet); `full` when a read came
   * back with as many records as asked for (more are waiting).
   */
  const sweep = async (): Promise<{ handed: number; complete: boolean; full: boolean }> => {
    // New shards appear every few hours in AWS (and when a shard ends): the list is read every few seconds.
    const ended = [...shards.values()].some((shard) => shard.finished && !shard.childrenListed);
    if (ended || performance.now() - shardsListedAt > SHARD_LIST_INTERVAL_MS) {
      await listShards();
      for (const shard of shards.values()) if (shard.finished) shard.childrenListed = true;
    }
    let handed = 0;
    let complete = true;
    let full = false;
    for (const shard of shards.values()) {
      if (shard.finished) continue;
      // Records of an item are in order across a shard and its children: a child waits for its parent.
      const parent = shard.parentShardId ? shards.get(shard.parentShardId) : undefined;
      if (stopped || paused || (parent && !parent.finished)) {
        complete = false;
        continue;
      }
      shard.iterator ??= await api.iterator(streamArn, shard.shardId, shard.checkpoint);
      let page: Awaited<ReturnType<typeof api.records>>;
      try {
        page = await api.records(shard.iterator, readLimit);
      } catch (error) {
        if (error instanceof StreamsApiError && /Expired|Trimmed/.test(error.code)) {
          shard.iterator = undefined;
          complete = false;
          continue;
        }
        throw error;
      }
      if (page.records.length > 0) {
        const records = page.records.map((record: WireStreamRecord) => ({ ...record, eventSourceARN: streamArn }));
        for (const consumer of options.consumers) {
          const selected = records.filter((record) => matchesConsumer(consumer, record));
          for (let start = 0; start < selected.length; start += consumer.batchSize) {
            await deliver(consumer, selected.slice(start, start + consumer.batchSize), consumer.retryAttempts);
          }
        }
        shard.checkpoint = page.records.at(-1)?.dynamodb?.SequenceNumber;
        handed += page.records.length;
        full ||= page.records.length >= readLimit;
      }
      if (page.next) shard.iterator = page.next;
      else shard.finished = true;
    }
    return { handed, complete, full };
  };

  let sweepsStarted = 0;
  const waiters: Array<{ after: number; resolve: () => void }> = [];
  const settleWaiters = (quietSweep: number) => {
    for (const waiter of [...waiters]) {
      if (quietSweep > waiter.after) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  // Like Lambda: records that came are handed over after the batching window, so that a steady trickle makes
  // full batches; a read that filled its batch is followed at once.
  const windowMs = Math.max(0, ...options.consumers.map((consumer) => consumer.batchingWindowSeconds * 1000));
  const loop = (async () => {
    while (!stopped) {
      if (paused) {
        await pauseFor(pollIntervalMs);
        continue;
      }
      sweepsStarted += 1;
      const current = sweepsStarted;
      try {
        const { handed, complete, full } = await sweep();
        // A sweep that started after idle() was called and found nothing anywhere: caught up.
        if (handed === 0 && complete) settleWaiters(current);
        if (full) continue;
        await pauseFor(handed > 0 ? Math.max(pollIntervalMs, windowMs) : pollIntervalMs);
      } catch (error) {
        if (stopped) break;
        options.onError?.(error);
        await pauseFor(pollIntervalMs);
      }
    }
    settleWaiters(Number.POSITIVE_INFINITY);
  })();

  return {
    idle: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiters.push({ after: sweepsStarted, resolve });
          }),
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      wake?.();
    },
    get paused() {
      return paused;
    },
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
