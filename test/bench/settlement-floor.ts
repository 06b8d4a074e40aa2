/**
 * The raw floor of a settlement run: the very item writes of its closing (per transaction, the settlement's
 * counter and 99 redemptions marked with it, as shared/data/settlement-store.ts addToSettlement writes them),
 * sent straight to DynamoDB Local as TransactWriteItems of 100 items, shops as many at a time as the Map.
 * No reads, no state machine, no handler: what DynamoDB Local can do at all.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { redemptionKeys, settlementKeys } from '../../shared/data/keys.ts';
import { REDEMPTIONS_PER_TRANSACTION } from '../../shared/data/shop-settlement-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import type { TransactItem } from '../../shared/data/transactions.ts';
import { newId } from '../../shared/ids.ts';
import type { SeededShop } from './settlement-seed.ts';

export interface FloorFigures {
  readonly seconds: number;
  /** Each TransactWriteItems of 100 items, as DynamoDB Local answers it under this parallelism. */
  readonly transactionMs: readonly number[];
}

/** The same expressions as addToSettlement (kept in step by hand: the store does not expose its parts). */
function closingItems(
  tableName: string,
  run: { runId: string; createdAt: string },
  shop: SeededShop,
  settlementId: string,
  redemptionIds: readonly string[],
  amountCents: number,
): TransactItem[] {
  const settlement: TransactItem = {
    Update: {
      TableName: tableName,
      Key: settlementKeys.item(settlementId),
      UpdateExpression:
        'SET #type = :type, settlementId = :id, runId = :run, merchantId = :merchant, gsi1pk = :byRun, gsi1sk = :merchant, gsi2pk = :byMerchant, gsi2sk = :byMerchantSort, oldestRedemptionAt = if_not_exists(oldestRedemptionAt, :oldest) ADD amountCents :amount, redemptions :count',
      ConditionExpression: 'attribute_not_exists(closedAt)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'Settlement',
        ':id': settlementId,
        ':run': run.runId,
        ':merchant': shop.merchantId,
        ':byRun': settlementKeys.byRun(run.runId),
        ':byMerchant': settlementKeys.byMerchant(shop.merchantId),
        ':byMerchantSort': settlementKeys.byMerchantSort(run.createdAt, settlementId),
        ':oldest': run.createdAt,
        ':amount': amountCents,
        ':count': redemptionIds.length,
      },
    },
  };
  const redemptions = redemptionIds.map(
    (redemptionId): TransactItem => ({
      Update: {
        TableName: tableName,
        Key: redemptionKeys.item(redemptionId),
        UpdateExpression: 'SET settlementId = :id, gsi3pk = :settled',
        ConditionExpression: '#status = :active AND attribute_not_exists(settlementId) AND merchantId = :merchant',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':id': settlementId,
          ':settled': redemptionKeys.settled(settlementId),
          ':active': 'ACTIVE',
          ':merchant': shop.merchantId,
        },
      },
    }),
  );
  return [settlement, ...redemptions];
}

/** Closes every one of `shops` with raw transactions, `parallel` shops at a time, each shop's in sequence. */
export async function rawSettlementFloor(
  table: TableContext,
  shops: readonly SeededShop[],
  parallel: number,
): Promise<FloorFigures> {
  const run = { runId: newId('P'), createdAt: new Date().toISOString() };
  const queue = [...shops];
  const samples: number[] = [];
  const closeShop = async (shop: SeededShop) => {
    const settlementId = newId('S');
    for (let start = 0; start < shop.redemptionIds.length; start += REDEMPTIONS_PER_TRANSACTION) {
      const ids = shop.redemptionIds.slice(start, start + REDEMPTIONS_PER_TRANSACTION);
      // The amount is not what the run would add (the floor reads nothing): the write is the same size.
      const items = closingItems(table.tableName, run, shop, settlementId, ids, ids.length);
      const t0 = performance.now();
      await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      samples.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let shop = queue.shift(); shop; shop = queue.shift()) await closeShop(shop);
    }),
  );
  return { seconds: (performance.now() - started) / 1000, transactionMs: samples };
}
