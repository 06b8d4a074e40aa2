/**
 * The one definition of the platform's DynamoDB table: key attributes, secondary indexes and the TTL
 * attribute. The CDK data construct (infra/constructs/data.ts) and the local target
 * (infra/local/services/dynamodb.ts) both build their table from this object, so the two can never drift.
 *
 * Single-table design: every item has a generic partition key `pk` and sort key `sk`; each index has
 * generic keys too (`gsi1pk`/`gsi1sk`, ...) that an item fills only when it should appear in that index
 * (sparse indexes). What each key holds for each item type is written next to the item's key builders in
 * shared/data/keys.ts, with the access pattern it serves.
 */

export interface IndexDesign {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDesign {
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Epoch seconds; DynamoDB deletes the item some time after this instant. */
  readonly timeToLiveAttribute: string;
  readonly globalSecondaryIndexes: readonly IndexDesign[];
}

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const satisfies TableDesign;

export type IndexName = (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]['indexName'];
