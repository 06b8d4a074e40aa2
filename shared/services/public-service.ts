/**
 * What anyone may ask without signing in: a voucher's balance from its code (nothing personal; failed
 * look-ups throttled per client address, like a shop's), and the campaigns that take applications now.
 */

import type { VoucherBalance } from '../api/merchant.ts';
import type { PublicCampaign } from '../api/public.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { lookupMissKeys } from '../data/keys.ts';
import type { PageRequest } from '../data/table.ts';
import { clientRefFor } from '../people/person-ref.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import { voucherStateOn } from '../vouchers/voucher.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';
import { createVoucherLookup } from './voucher-lookup.ts';

export interface PublicServiceDependencies extends LedgerDependencies {
  /** Keys the hash that stands for a client address (the table never holds the address). */
  readonly personKey: Buffer;
}

export function createPublicVoucherService(deps: PublicServiceDependencies) {
  const lookup = createVoucherLookup(deps);
  const campaigns = createCampaignStore(deps.table);
  return {
    /** Balance, face value, state and validity of the voucher behind `code`, for whoever holds the letter. */
    async balance(sourceIp: string, code: string): Promise<VoucherBalance> {
      const subject = {
        missKey: lookupMissKeys.publicClient(clientRefFor(deps.personKey, sourceIp)),
        describedAs: 'this address',
      };
      const voucher = await lookup.find(subject, code);
      const campaign = await campaigns.get(voucher.campaignId);
      if (!campaign) throw new Error(`Voucher ${voucher.voucherId} of an unknown campaign`);
      // The campaign's own dates: an extension shows at once, without a new letter.
      return {
        balanceCents: voucher.balanceCents,
        faceValueCents: voucher.faceValueCents,
        status: voucherStateOn(voucher, campaign, brusselsDateOf(deps.now())),
        validFrom: campaign.startDate,
        validUntil: campaign.endDate,
      };
    },
  };
}

/** The campaigns not yet ended that take applications, latest start first (what the application page offers). */
export async function campaignsTakingApplications(
  deps: Pick<LedgerDependencies, 'table' | 'now'>,
  request: PageRequest,
): Promise<{ items: PublicCampaign[]; nextCursor: string | null }> {
  const today = brusselsDateOf(deps.now());
  const page = await createCampaignStore(deps.table).page(request, {
    newestFirst: true,
    keep: (campaign) => Boolean(campaign.eligibility.onApplication) && campaign.endDate >= today,
  });
  const items = page.items
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.campaignId.localeCompare(b.campaignId))
    .map((campaign) => {
      const band = campaign.eligibility.onApplication;
      return {
        campaignId: campaign.campaignId,
        name: campaign.name,
        startDate: campaign.startDate,
        endDate: campaign.endDate,
        faceValueCents: campaign.faceValueCents,
        onApplication: {
          minAge: band?.minAge ?? 0,
          maxAge: band?.maxAge ?? 0,
          ...(band?.schoolYear ? { schoolYear: band.schoolYear } : {}),
        },
      };
    });
  return { items, nextCursor: page.nextCursor };
}
