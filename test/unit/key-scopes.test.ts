import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../infra/local/aws-access.ts';
import { EXCEPT_LISTS, PARTITIONS } from '../../shared/data/key-scopes.ts';
import {
  applicationKeys,
  auditKeys,
  campaignKeys,
  enrolmentKeys,
  idempotencyKeys,
  importKeys,
  lookupMissKeys,
  merchantKeys,
  personKeys,
  rateLimitKeys,
  redemptionKeys,
  settlementKeys,
  voucherKeys,
} from '../../shared/data/keys.ts';

const allowed = (pattern: string, partition: string) =>
  matchesPattern(pattern, partition) && !EXCEPT_LISTS.some((except) => matchesPattern(except, partition));

describe('the partitions grants name', () => {
  it('match the partitions the key builders make', () => {
    const cases: [string, string][] = [
      [PARTITIONS.campaign, campaignKeys.item('c1').pk],
      [PARTITIONS.campaign, enrolmentKeys.item('c1', 'm1').pk],
      [PARTITIONS.campaignList, campaignKeys.listPartition],
      [PARTITIONS.merchant, merchantKeys.item('m1').pk],
      [PARTITIONS.merchantList, merchantKeys.listPartition],
      [PARTITIONS.merchantRedemptions, redemptionKeys.byMerchant('m1')],
      [PARTITIONS.merchantSettlements, settlementKeys.byMerchant('m1')],
      [PARTITIONS.voucher, voucherKeys.item('v1').pk],
      [PARTITIONS.redemption, redemptionKeys.item('r1').pk],
      [PARTITIONS.idempotency, idempotencyKeys.item('u1', 'k1').pk],
      [PARTITIONS.audit, auditKeys.entityPartition('VOUCHER', 'v1')],
      [PARTITIONS.lookupMisses, lookupMissKeys.item('m1', 0).pk],
      [PARTITIONS.publicLookupMisses, lookupMissKeys.item(lookupMissKeys.publicClient('ip'), 0).pk],
      [PARTITIONS.people, personKeys.partition('c1')],
      [PARTITIONS.application, applicationKeys.item('a1').pk],
      [PARTITIONS.rateLimit, rateLimitKeys.item('apply', 'ip', 0).pk],
    ];
    for (const [pattern, partition] of cases) expect(matchesPattern(pattern, partition), partition).toBe(true);
  });

  it("with the lists excepted, a campaign or a shop grant reaches their items, not the indexes' lists under them", () => {
    expect(allowed(PARTITIONS.campaign, campaignKeys.item('c1').pk)).toBe(true);
    expect(allowed(PARTITIONS.merchant, merchantKeys.item('m1').pk)).toBe(true);
    for (const list of [
      voucherKeys.byCampaignStatus('c1', 'ISSUED'),
      applicationKeys.byCampaignStatus('c1', 'SUBMITTED'),
      personKeys.issuable('c1'),
      importKeys.byCampaign('c1'),
      enrolmentKeys.byMerchant('m1'),
      redemptionKeys.byMerchant('m1'),
    ]) {
      expect(allowed(PARTITIONS.campaign, list) || allowed(PARTITIONS.merchant, list), list).toBe(false);
    }
  });

  it('keep the public balance page to its own misses, never a shop’s', () => {
    expect(matchesPattern(PARTITIONS.publicLookupMisses, lookupMissKeys.item('m1', 0).pk)).toBe(false);
  });
});
