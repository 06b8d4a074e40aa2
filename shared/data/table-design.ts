/**
 * The one definition of the platform's table (keys, sparse indexes, TTL): the CDK data construct and the
 * local target both build it from here. What each key holds per item type is in shared/data/keys.ts.
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
  /**
   * The table's change stream: each change with the item before and after, which the dashboard's aggregator
   * counts (functions/streams/stream-consumers.ts).
   */
  readonly stream: 'NEW_AND_OLD_IMAGES';
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
  stream: 'NEW_AND_OLD_IMAGES',
} as const satisfies TableDesign;

export type IndexName = (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]['indexName'];
