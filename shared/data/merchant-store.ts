/** Reads and writes partner shops and their enrolment in campaigns. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Merchant } from '../merchants/merchant.ts';
import { enrolmentKeys, merchantKeys, sortableName } from './keys.ts';
import { isConditionalCheckFailed, queryAll, type TableContext, withoutKeys } from './table.ts';

export function merchantItem(merchant: Merchant): Record<string, unknown> {
  return {
    ...merchantKeys.item(merchant.merchantId),
    type: 'Merchant',
    gsi1pk: merchantKeys.listPartition,
    gsi1sk: merchantKeys.listSort(sortableName(merchant.name), merchant.merchantId),
    ...merchant,
  };
}

export function createMerchantStore(table: TableContext) {
  return {
    /** Creates the shop; returns false (and changes nothing) when it already exists. */
    async create(merchant: Merchant): Promise<boolean> {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.tableName,
            Item: merchantItem(merchant),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    async get(merchantId: string): Promise<Merchant | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: merchantKeys.item(merchantId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<Merchant>(result.Item) : undefined;
    },

    /** All shops, sorted by name. Bounded: a town has tens, at most a few hundred, partner shops. */
    async list(): Promise<Merchant[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': merchantKeys.listPartition },
      });
      return items.map((item) => withoutKeys<Merchant>(item));
    },

    async isEnrolled(merchantId: string, campaignId: string): Promise<boolean> {
      const result = await table.doc.send(
        new GetCommand({
          TableName: table.tableName,
          Key: enrolmentKeys.item(merchantId, campaignId),
          ConsistentRead: true,
        }),
      );
      return result.Item !== undefined;
    },

    /** Enrols the shop in a campaign (idempotent: enrolling twice is one enrolment). */
    async enrol(merchantId: string, campaignId: string, enrolledAt: string): Promise<void> {
      await table.doc
        .send(
          new PutCommand({
            TableName: table.tableName,
            Item: {
              ...enrolmentKeys.item(merchantId, campaignId),
              type: 'Enrolment',
              gsi1pk: enrolmentKeys.byCampaignPartition(campaignId),
              gsi1sk: merchantId,
              merchantId,
              campaignId,
              enrolledAt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .catch((error: unknown) => {
          if (isConditionalCheckFailed(error)) return;
          throw error;
        });
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
