/**
 * The three DynamoDB Streams calls the local stream poller makes, against DynamoDB Local's HTTP API (AWS JSON
 * 1.0). The project has no `@aws-sdk/client-dynamodb-streams`; DynamoDB Local checks no signature, only that
 * the request names an access key, so a plain request carries a fixed one.
 */
import type { DynamoDBRecord } from 'aws-lambda';

/** A stream record as GetRecords returns it (Lambda adds eventSourceARN). */
export type WireStreamRecord = Omit<DynamoDBRecord, 'eventSourceARN'>;

export interface ShardDescription {
  readonly shardId: string;
  readonly parentShardId?: string;
}

export class StreamsApiError extends Error {
  /** The exception's short name, e.g. ExpiredIteratorException. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = code;
  }
}

const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20200101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

export function localStreamsApi(endpoint: string) {
  const call = async <T>(operation: string, body: unknown): Promise<T> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
        authorization: AUTHORIZATION,
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { __type?: string; message?: string; Message?: string };
    if (!response.ok) {
      const code = (answer.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
      throw new StreamsApiError(code, `${operation}: ${answer.message ?? answer.Message ?? response.status}`);
    }
    return answer;
  };

  return {
    /** The stream's shards, all pages. */
    async shards(streamArn: string): Promise<ShardDescription[]> {
      const shards: ShardDescription[] = [];
      let start: string | undefined;
      do {
        const page = await call<{
          StreamDescription: {
            Shards?: Array<{ ShardId: string; ParentShardId?: string }>;
            LastEvaluatedShardId?: string;
          };
        }>('DescribeStream', { StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) });
        for (const shard of page.StreamDescription.Shards ?? []) {
          shards.push({
            shardId: shard.ShardId,
            ...(shard.ParentShardId ? { parentShardId: shard.ParentShardId } : {}),
          });
        }
        start = page.StreamDescription.LastEvaluatedShardId;
      } while (start);
      return shards;
    },

    /** Where to read a shard from: its oldest record, or just after one already handed over. */
    async iterator(streamArn: string, shardId: string, afterSequenceNumber?: string): Promise<string> {
      const answer = await call<{ ShardIterator: string }>('GetShardIterator', {
        StreamArn: streamArn,
        ShardId: shardId,
        ...(afterSequenceNumber
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: afterSequenceNumber }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      });
      return answer.ShardIterator;
    },

    /** Up to `limit` records; no next iterator once a closed shard is read to its end. */
    async records(iterator: string, limit: number): Promise<{ records: WireStreamRecord[]; next?: string }> {
      const answer = await call<{ Records?: WireStreamRecord[]; NextShardIterator?: string }>('GetRecords', {
        ShardIterator: iterator,
        Limit: limit,
      });
      return { records: answer.Records ?? [], ...(answer.NextShardIterator ? { next: answer.NextShardIterator } : {}) };
    },
  };
}

export type LocalStreamsApi = ReturnType<typeof localStreamsApi>;
