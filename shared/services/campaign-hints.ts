/**
 * Which campaign a shop's next voucher probably belongs to, remembered by a warm function, so a redemption
 * reads the enrolment and campaign in the same request as the voucher. Only ids are remembered, never what
 * they hold: a wrong guess costs one more read, never a stale answer.
 */
export function createCampaignHints(maxShops = 1_000) {
  const byShop = new Map<string, string>();
  let latest: string | undefined;
  return {
    /** The shop's last campaign and the last one seen at all (a shop's first purchase here), at most two. */
    guess(merchantId: string): string[] {
      return [...new Set([byShop.get(merchantId), latest])].filter((id): id is string => id !== undefined);
    },

    remember(merchantId: string, campaignId: string): void {
      byShop.delete(merchantId); // re-inserted last: the map forgets the shop least recently seen first
      byShop.set(merchantId, campaignId);
      const oldest = byShop.keys().next().value;
      if (byShop.size > maxShops && oldest !== undefined) byShop.delete(oldest);
      latest = campaignId;
    },
  };
}

export type CampaignHints = ReturnType<typeof createCampaignHints>;
