/** The campaign guesses a warm redemption function reads beside the voucher. */
import { describe, expect, it } from 'vitest';
import { createCampaignHints } from '../../../shared/services/campaign-hints.ts';

describe('campaign hints', () => {
  it("guesses the shop's last campaign and the last one seen, and forgets the shop least recently seen", () => {
    const hints = createCampaignHints(2);
    expect(hints.guess('shop-a')).toEqual([]);
    hints.remember('shop-a', 'c1');
    expect(hints.guess('shop-a')).toEqual(['c1']);
    expect(hints.guess('shop-b')).toEqual(['c1']);
    hints.remember('shop-b', 'c2');
    expect(hints.guess('shop-a')).toEqual(['c1', 'c2']);
    hints.remember('shop-c', 'c2');
    expect(hints.guess('shop-a')).toEqual(['c2']);
    expect(hints.guess('shop-b')).toEqual(['c2']);
  });
});
