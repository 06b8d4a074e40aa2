/** Reads and writes partner shops and their enrolment in campaigns. */
import type { Campaign } from '../campaigns/campaign.ts';
import { type Enrolment, enrolmentIn, type Merchant } from '../merchants/merchant.ts';
import { campaignKeys, enrolmentKeys, merchantKeys, sortableName } from './keys.ts';
import {
  type Condition,
  getItem,
  getRecord,
  IF_ABSENT,
  type Item,
  listPage,
  type PageRequest,
  putItem,
  queryAll,
  type TableContext,
  withoutKeys,
} from './table.ts';
import { putIf, putNew, type TransactItem, transactWrite } from './transactions.ts';

/** A shop as the seed and test fixtures write it: the store starts it at version 1. */
export type NewMerchant = Omit<Merchant, 'version' | 'updatedAt'>;

/** Shops written before they had a version read as version 0 (see versionCondition). */
const UNVERSIONED = 0;

export function merchantItem(merchant: Merchant): Item {
  return {
    ...merchantKeys.item(merchant.merchantId),
    type: 'Merchant',
    gsi1pk: merchantKeys.listPartition,
    gsi1sk: merchantKeys.listSort(sortableName(merchant.name), merchant.merchantId),
    ...merchant,
  };
}

/** A stored shop as a record (shops written before versions existed read as version 0). */
export function merchantOf(item: Item): Merchant {
  const stored = withoutKeys<Omit<Merchant, 'version' | 'updatedAt'> & Partial<Merchant>>(item);
  return { ...stored, version: stored.version ?? UNVERSIONED, updatedAt: stored.updatedAt ?? stored.createdAt };
}

/** Nobody changed the shop since `expectedVersion` was read (and it still exists). */
function versionCondition(expectedVersion: number): Condition {
  return expectedVersion === UNVERSIONED
    ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
    : {
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
}

export function createMerchantStore(table: TableContext) {
  const { tableName } = table;

  /** The enrolment, and the check that the campaign's end date is still the one the enrolment copies. */
  const enrolmentParts = (enrolment: Enrolment) => ({
    enrolment: putNew(tableName, {
      ...enrolmentKeys.item(enrolment.merchantId, enrolment.campaignId),
      type: 'Enrolment',
      gsi1pk: enrolmentKeys.byMerchant(enrolment.merchantId),
      gsi1sk: enrolment.campaignId,
      ...enrolment,
    }),
    campaign: {
      ConditionCheck: {
        TableName: tableName,
        Key: campaignKeys.item(enrolment.campaignId),
        ConditionExpression: 'endDate = :endDate',
        ExpressionAttributeValues: { ':endDate': enrolment.campaignEndDate },
      },
    } satisfies TransactItem,
  });

  return {
    /** Creates the shop at version 1; returns false (and changes nothing) when it already exists. */
    create(merchant: NewMerchant): Promise<boolean> {
      return putItem(table, merchantItem({ ...merchant, updatedAt: merchant.createdAt, version: 1 }), IF_ABSENT);
    },

    /** The transaction item that creates the shop (refused if the id exists). */
    createItem(merchant: Merchant): TransactItem {
      return putNew(tableName, merchantItem(merchant));
    },

    /** The transaction item that writes the changed shop, refused if it changed since `expectedVersion`. */
    saveItem(merchant: Merchant, expectedVersion: number): TransactItem {
      return putIf(tableName, merchantItem(merchant), versionCondition(expectedVersion));
    },

    async get(merchantId: string): Promise<Merchant | undefined> {
      const item = await getItem(table, merchantKeys.item(merchantId));
      return item ? merchantOf(item) : undefined;
    },

    /** All shops, sorted by name. Bounded: a town has tens, at most a few hundred, partner shops. */
    /** A page of the shops in the order of the list index (name), counting only those `keep` accepts. */
    async page(
      request: PageRequest,
      keep: (merchant: Merchant) => boolean = () => true,
    ): Promise<{ items: Merchant[]; nextCursor: string | null }> {
      const pk = merchantKeys.listPartition;
      const query = {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      };
      const page = await listPage(table, query, request, { gsi1pk: pk }, (item) => keep(merchantOf(item)));
      return { items: page.items.map(merchantOf), nextCursor: page.nextCursor };
    },

    async list(): Promise<Merchant[]> {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': merchantKeys.listPartition },
      });
      return items.map(merchantOf);
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
     * The parts of an enrolment transaction (the enrolment, refused if it exists, and the campaign check), for
     * a caller that writes more in the same transaction (an audit event).
     */
    enrolmentParts,

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
      const outcome = await transactWrite(table, enrolmentParts(enrolmentIn(campaign, merchantId, enrolledAt)));
      if (outcome.committed || outcome.failed('enrolment')) return;
      throw new Error(`Campaign ${campaign.campaignId} changed while enrolling ${merchantId}: read it again and retry`);
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
