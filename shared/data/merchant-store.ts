/** Reads and writes partner shops and their enrolment in campaigns. */
import type { Campaign } from '../campaigns/campaign.ts';
import type { Enrolment, Merchant } from '../merchants/merchant.ts';
import { campaignKeys, enrolmentKeys, merchantKeys, sortableName } from './keys.ts';
import { getRecord, IF_ABSENT, putItem, queryAll, type TableContext, withoutKeys } from './table.ts';
import { putNew, type TransactItem, transactWrite } from './transactions.ts';

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
    create(merchant: Merchant): Promise<boolean> {
      return putItem(table, merchantItem(merchant), IF_ABSENT);
    },

    get(merchantId: string): Promise<Merchant | undefined> {
      return getRecord<Merchant>(table, merchantKeys.item(merchantId));
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

    getEnrolment(merchantId: string, campaignId: string): Promise<Enrolment | undefined> {
      return getRecord<Enrolment>(table, enrolmentKeys.item(merchantId, campaignId));
    },

    /** Moves a shop's copy of the campaign's end date forward (never back: an older extension must not undo a newer one). */
    enrolmentEndDateItem(merchantId: string, campaignId: string, endDate: string): TransactItem {
      return {
        Update: {
          TableName: table.tableName,
          Key: enrolmentKeys.item(merchantId, campaignId),
          UpdateExpression: 'SET campaignEndDate = :end',
          ConditionExpression: 'attribute_exists(pk) AND campaignEndDate < :end',
          ExpressionAttributeValues: { ':end': endDate },
        },
      };
    },

    /** Every shop enrolled in a campaign (strongly consistent: they share the campaign's partition). */
    async enrolments(campaignId: string): Promise<Enrolment[]> {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': campaignKeys.item(campaignId).pk, ':prefix': enrolmentKeys.campaignPrefix },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<Enrolment>(item));
    },

    /**
     * Enrols the shop in a campaign (idempotent), with a copy of the campaign's dates for the redemption
     * transaction. The copy is written only if the campaign's end date is still the one read, so an
     * extension running at the same moment cannot leave this copy behind.
     */
    async enrol(
      merchantId: string,
      campaign: Pick<Campaign, 'campaignId' | 'startDate' | 'endDate'>,
      enrolledAt: string,
    ): Promise<void> {
      const outcome = await transactWrite(table, {
        enrolment: putNew(table.tableName, {
          ...enrolmentKeys.item(merchantId, campaign.campaignId),
          type: 'Enrolment',
          gsi1pk: enrolmentKeys.byMerchant(merchantId),
          gsi1sk: campaign.campaignId,
          merchantId,
          campaignId: campaign.campaignId,
          campaignStartDate: campaign.startDate,
          campaignEndDate: campaign.endDate,
          enrolledAt,
        }),
        campaign: {
          ConditionCheck: {
            TableName: table.tableName,
            Key: campaignKeys.item(campaign.campaignId),
            ConditionExpression: 'endDate = :endDate',
            ExpressionAttributeValues: { ':endDate': campaign.endDate },
          },
        },
      });
      if (outcome.committed || outcome.failed('enrolment')) return;
      throw new Error(`Campaign ${campaign.campaignId} changed while enrolling ${merchantId}: read it again and retry`);
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
