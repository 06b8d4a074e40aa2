/** Reads and writes campaigns. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../campaigns/campaign.ts';
import { campaignKeys } from './keys.ts';
import { isConditionalCheckFailed, queryAll, type TableContext, withoutKeys } from './table.ts';

/** The stored item of a campaign (keys, list index) as written on creation. */
export function campaignItem(campaign: Campaign): Record<string, unknown> {
  return {
    ...campaignKeys.item(campaign.campaignId),
    type: 'Campaign',
    gsi1pk: campaignKeys.listPartition,
    gsi1sk: campaignKeys.listSort(campaign.startDate, campaign.campaignId),
    ...campaign,
  };
}

export function createCampaignStore(table: TableContext) {
  return {
    /** Creates the campaign; returns false (and changes nothing) when that id already exists. */
    async create(campaign: Campaign): Promise<boolean> {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.tableName,
            Item: campaignItem(campaign),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    async get(campaignId: string): Promise<Campaign | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: campaignKeys.item(campaignId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<Campaign>(result.Item) : undefined;
    },

    async list(): Promise<Campaign[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': campaignKeys.listPartition },
      });
      return items.map((item) => withoutKeys<Campaign>(item));
    },
  };
}

export type CampaignStore = ReturnType<typeof createCampaignStore>;
