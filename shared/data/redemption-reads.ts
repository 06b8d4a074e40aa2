/**
 * What a redemption decides on, read in one BatchGetItem (strongly consistent): the request's idempotency
 * record, the voucher, the shop's look-up miss windows, the shop, and its enrolment in (and the item of) each
 * campaign the caller expects the voucher to belong to. An exact balance-after needs one read and one write;
 * this is the read.
 */
import type { Campaign } from '../campaigns/campaign.ts';
import type { Enrolment, Merchant } from '../merchants/merchant.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { campaignKeys, enrolmentKeys, type Key, merchantKeys, voucherKeys } from './keys.ts';
import { merchantOf } from './merchant-store.ts';
import { getItems, type Item, type TableContext, withoutKeys } from './table.ts';

/** The shop's side of one campaign: its enrolment (absent: not enrolled) and the campaign. */
export interface CampaignFacts {
  readonly enrolment: Enrolment | undefined;
  readonly campaign: Campaign | undefined;
}

export interface RedemptionRead {
  readonly idempotencyRecord: Item | undefined;
  readonly voucher: Voucher | undefined;
  readonly missWindows: ReadonlyArray<Item | undefined>;
  readonly merchant: Merchant | undefined;
  /** By campaign id, for each campaign asked for. */
  readonly campaigns: ReadonlyMap<string, CampaignFacts>;
}

export interface RedemptionReadRequest {
  /** Absent when the key need not be looked up (it was, in an earlier round). */
  readonly idempotencyKey: Key | undefined;
  /** Absent when the code does not parse. */
  readonly voucherId: string | undefined;
  readonly missWindows: readonly Key[];
  readonly merchantId: string;
  /** The campaigns the voucher probably belongs to: their enrolment and campaign items are read too. */
  readonly campaignIds: readonly string[];
}

export function createRedemptionReads(table: TableContext) {
  const campaignKeysOf = (merchantId: string, campaignId: string) => ({
    [`enrolment ${campaignId}`]: enrolmentKeys.item(merchantId, campaignId),
    [`campaign ${campaignId}`]: campaignKeys.item(campaignId),
  });
  const campaignFactsIn = (items: Record<string, Item | undefined>, campaignId: string): CampaignFacts => {
    const enrolment = items[`enrolment ${campaignId}`];
    const campaign = items[`campaign ${campaignId}`];
    return {
      enrolment: enrolment ? withoutKeys<Enrolment>(enrolment) : undefined,
      campaign: campaign ? withoutKeys<Campaign>(campaign) : undefined,
    };
  };

  return {
    async read(request: RedemptionReadRequest): Promise<RedemptionRead> {
      const misses = Object.fromEntries(request.missWindows.map((key, index) => [`misses ${index}`, key]));
      const items: Record<string, Item | undefined> = await getItems(table, {
        idempotency: request.idempotencyKey,
        voucher: request.voucherId === undefined ? undefined : voucherKeys.item(request.voucherId),
        merchant: merchantKeys.item(request.merchantId),
        ...misses,
        ...Object.assign({}, ...request.campaignIds.map((id) => campaignKeysOf(request.merchantId, id))),
      });
      const { idempotency, voucher, merchant } = items;
      return {
        idempotencyRecord: idempotency,
        voucher: voucher ? withoutKeys<Voucher>(voucher) : undefined,
        missWindows: Object.keys(misses).map((name) => items[name]),
        merchant: merchant ? merchantOf(merchant) : undefined,
        campaigns: new Map(request.campaignIds.map((id) => [id, campaignFactsIn(items, id)])),
      };
    },

    /** One campaign's facts, when the voucher turned out to belong to a campaign not asked for. */
    async campaign(merchantId: string, campaignId: string): Promise<CampaignFacts> {
      return campaignFactsIn(await getItems(table, campaignKeysOf(merchantId, campaignId)), campaignId);
    },
  };
}

export type RedemptionReads = ReturnType<typeof createRedemptionReads>;
