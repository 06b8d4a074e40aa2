/** The local table is built from the same design object as the CDK table, and the seed is repeatable. */
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { DEMO_MERCHANTS } from '../../infra/local/seed/demo-merchants.ts';
import { seedDemoTown } from '../../infra/local/seed/demo-town.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { TABLE_DESIGN } from '../../shared/data/table-design.ts';
import { localTable, localTarget } from '../support/local-target.ts';

describe('local table', () => {
  it('has the keys, indexes and TTL attribute of TABLE_DESIGN', async () => {
    const info = localTarget();
    const client = new DynamoDBClient({
      endpoint: info.endpoints.dynamodb,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: info.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
      indexName: index.IndexName,
      partitionKey: index.KeySchema?.[0]?.AttributeName,
      sortKey: index.KeySchema?.[1]?.AttributeName,
    }));
    expect(indexes.sort((a, b) => String(a.indexName).localeCompare(String(b.indexName)))).toEqual(
      TABLE_DESIGN.globalSecondaryIndexes,
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: info.tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TABLE_DESIGN.timeToLiveAttribute);
    client.destroy();
  });

  it('seeds the demo town idempotently', async () => {
    const table = localTable();
    const identity = await LocalIdentityProvider.open();
    const first = await seedDemoTown(table, identity, new Date());
    const second = await seedDemoTown(table, identity, new Date());
    expect(second).toEqual(first);
    const merchants = (await createMerchantStore(table).list()).filter((m) => m.merchantId.startsWith('demo-shop-'));
    expect(merchants).toHaveLength(DEMO_MERCHANTS.length);
  });
});
