/** Reads and writes campaigns. */
import type { Campaign } from '../campaigns/campaign.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { campaignKeys } from './keys.ts';
import {
  getRecord,
  IF_ABSENT,
  listPage,
  type PageRequest,
  putItem,
  queryAll,
  type TableContext,
  withoutKeys,
} from './table.ts';
import { putNew, type TransactItem } from './transactions.ts';

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
  const { tableName } = table;
  return {
    /** The transaction item that creates the campaign (refused if the id exists). */
    createItem(campaign: Campaign): TransactItem {
      return putNew(tableName, campaignItem(campaign));
    },

    /** Moves the end (and purge) date, if the end date is still the one the decision was made on. */
    extendItem(
      campaignId: string,
      change: { from: CalendarDate; to: CalendarDate; purgeDate: CalendarDate },
    ): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: campaignKeys.item(campaignId),
          UpdateExpression: 'SET endDate = :new, purgeDate = :purge',
          ConditionExpression: 'endDate = :current',
          ExpressionAttributeValues: { ':new': change.to, ':current': change.from, ':purge': change.purgeDate },
        },
      };
    },

    /** Marks the campaign's personal data purged, once. */
    purgedItem(campaignId: string, at: string): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: campaignKeys.item(campaignId),
          UpdateExpression: 'SET purgedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(purgedAt)',
          ExpressionAttributeValues: { ':at': at },
        },
      };
    },

    /** Creates the campaign; returns false (and changes nothing) when that id already exists. */
    create(campaign: Campaign): Promise<boolean> {
      return putItem(table, campaignItem(campaign), IF_ABSENT);
    },

    get(campaignId: string): Promise<Campaign | undefined> {
      return getRecord<Campaign>(table, campaignKeys.item(campaignId));
    },

    /**
     * A page of the campaigns by start date (latest first when `newestFirst`), counting only those `keep`
     * accepts.
     */
    async page(
      request: PageRequest,
      options: { newestFirst?: boolean; keep?: (campaign: Campaign) => boolean } = {},
    ): Promise<{ items: Campaign[]; nextCursor: string | null }> {
      const pk = campaignKeys.listPartition;
      const keep = options.keep ?? (() => true);
      const page = await listPage(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: !options.newestFirst,
        },
        request,
        { gsi1pk: pk },
        (item) => keep(withoutKeys<Campaign>(item)),
      );
      return { items: page.items.map((item) => withoutKeys<Campaign>(item)), nextCursor: page.nextCursor };
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
