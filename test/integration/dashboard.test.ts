/**
 * The campaign dashboard on the local target (DynamoDB Local's stream polled into the same aggregator handler
 * Lambda runs): after concurrent purchases, concurrent reversals, a void-and-reissue and a purchase moved to
 * an earlier day, the figures equal the sums of the ledger's own items (DESIGN.md invariant 5); a replayed
 * stream batch changes nothing; staff, admin and finance see it, a shop and an anonymous caller do not.
 */

import { isDeepStrictEqual } from 'node:util';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, LOCAL_ENDPOINT_VARIABLES } from '../../functions/runtime/environment-variables.ts';
import { lambdaContext } from '../../infra/local/gateway/api-event.ts';
import { localDynamoDbClient } from '../../infra/local/services/dynamodb.ts';
import { localStreamsApi } from '../../infra/local/services/dynamodb-streams-api.ts';
import type { Dashboard } from '../../shared/api/dashboard.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import type { LedgerChange } from '../../shared/dashboard/ledger-change.ts';
import type { VoucherImage } from '../../shared/dashboard/ledger-contributions.ts';
import { createDashboardStore } from '../../shared/data/dashboard-store.ts';
import { createLedgerStore } from '../../shared/data/ledger-store.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import type { Redemption } from '../../shared/ledger/redemption.ts';
import { createDashboardAggregator } from '../../shared/services/dashboard-aggregation.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import type { Voucher } from '../../shared/vouchers/voucher.ts';
import {
  backdateRedemption,
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  mintToken,
  type TestShop,
  type TestVoucher,
  today,
} from '../support/ledger-fixtures.ts';
import { api, localTable, localTarget, tokenFor, uniqueId } from '../support/local-target.ts';
import { pollUntil } from '../support/register-api.ts';
import { replacementCode } from '../support/replacement-letter.ts';

const FACE = 10_000;
let campaign: Campaign;
let shops: TestShop[];
/** Vouchers in five households: h0 holds v0, v5, v10; h1 v1, v6, v11; h2 v2, v7; h3 v3, v8; h4 v4, v9. */
let vouchers: TestVoucher[];
let staff: string;

beforeAll(async () => {
  campaign = await createTestCampaign({ faceValueCents: FACE });
  shops = await Promise.all([0, 1, 2].map(() => createTestShop({ campaigns: [campaign] })));
  const households = [0, 1, 2, 3, 4].map(() => uniqueId('household'));
  vouchers = [];
  for (let index = 0; index < 12; index += 1) {
    vouchers.push(await issueTestVoucher(campaign, { householdRef: households[index % 5] ?? '' }));
  }
  staff = await tokenFor('staff');
});

const dashboardOf = (token?: string, campaignId = campaign.campaignId) =>
  api<Dashboard>(`/campaigns/${campaignId}/dashboard`, token ? { token } : {});

/** A purchase, retried with the same key while the voucher is busy (as the scanner does). */
async function redeem(code: string, shop: TestShop, amountCents: number): Promise<string> {
  const key = idempotencyKey();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': key },
      body: { code, amountCents },
    });
    if (answer.status === 201) return String(answer.body.redemptionId);
    expect(answer.body.code, JSON.stringify(answer.body)).toBe('CONFLICT');
  }
  throw new Error('still busy after 20 attempts');
}

async function reverse(redemptionId: string, shop: TestShop): Promise<void> {
  const key = idempotencyKey();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await api(`/merchant/redemptions/${redemptionId}/reversal`, {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': key },
    });
    if (answer.status === 201) return;
    expect(answer.body.code, JSON.stringify(answer.body)).toBe('CONFLICT');
  }
  throw new Error('still busy after 20 attempts');
}

const shop = (index: number) => shops[index] as TestShop;
const voucher = (index: number) => vouchers[index] as TestVoucher;

/** The dashboard as the definitions of the API compute it from the ledger's items (no aggregate read). */
async function ledgerSums(voucherIds: readonly string[]): Promise<Omit<Dashboard, 'asOf'>> {
  const table = localTable();
  const ledger = createLedgerStore(table);
  const from = addDays(today(), -7);
  const redemptions: Redemption[] = (
    await Promise.all(
      shops.map(async (s) => (await ledger.merchantRedemptions(s.merchantId, from, today(), { limit: 1000 })).items),
    )
  )
    .flat()
    .filter((redemption) => redemption.campaignId === campaign.campaignId && redemption.status === 'ACTIVE');
  const stored = (await Promise.all(voucherIds.map((id) => createVoucherStore(table).get(id)))).filter(
    (item): item is Voucher => item !== undefined,
  );
  const byId = new Map(stored.map((item) => [item.voucherId, item]));
  const spentBy = new Map<string, number>();
  for (const redemption of redemptions) {
    const beneficiary = byId.get(redemption.voucherId)?.beneficiaryRef ?? '?';
    spentBy.set(beneficiary, (spentBy.get(beneficiary) ?? 0) + redemption.amountCents);
  }
  const issued = stored.filter((item) => !item.replacesVoucherId);
  const spent = (item: Voucher) => spentBy.get(item.beneficiaryRef) ?? 0;
  const sum = (items: readonly Redemption[]) => items.reduce((total, item) => total + item.amountCents, 0);
  const redeemedCents = sum(redemptions);
  const days = [...new Set(redemptions.map((redemption) => redemption.businessDate))].sort();
  return {
    campaignId: campaign.campaignId,
    budgetCents: campaign.budgetCents,
    issued: { count: issued.length, valueCents: issued.length * FACE },
    redeemed: { count: redemptions.length, valueCents: redeemedCents },
    remainingCents: campaign.budgetCents - redeemedCents,
    unissuedCents: campaign.budgetCents - issued.length * FACE,
    remainingBalancesCents: stored
      .filter((item) => item.status === 'ACTIVE')
      .reduce((t, item) => t + item.balanceCents, 0),
    households: {
      total: new Set(issued.map((item) => item.householdRef)).size,
      used: new Set(issued.filter((item) => spent(item) > 0).map((item) => item.householdRef)).size,
    },
    vouchers: {
      notUsed: issued.filter((item) => spent(item) === 0).length,
      partlyUsed: issued.filter((item) => spent(item) > 0 && spent(item) < FACE).length,
      fullyUsed: issued.filter((item) => spent(item) === FACE).length,
    },
    byMerchant: shops
      .map((s) => {
        const own = redemptions.filter((redemption) => redemption.merchantId === s.merchantId);
        return {
          merchantId: s.merchantId,
          name: `Test shop ${s.merchantId}`,
          redemptions: own.length,
          amountCents: sum(own),
        };
      })
      .sort((a, b) => b.amountCents - a.amountCents || a.name.localeCompare(b.name, 'fr')),
    byDay: days.map((date) => {
      const own = redemptions.filter((redemption) => redemption.businessDate === date);
      return { date, redemptions: own.length, amountCents: sum(own) };
    }),
  };
}

const withoutAsOf = ({ asOf: _asOf, ...figures }: Dashboard) => figures;

describe('campaign dashboard', () => {
  let replacementId = '';

  it('equals the ledger’s sums, per shop, per day, per household and voucher, once the stream is counted', async () => {
    const empty = await dashboardOf(staff);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ redeemed: { count: 0, valueCents: 0 }, issued: { count: 12 } });

    // Purchases at three tills at once: [voucher, shop, amount].
    const purchases: Array<[number, number, number]> = [
      [0, 0, FACE],
      [1, 1, 2_500],
      [1, 2, 2_500],
      [2, 0, 1_234],
      [2, 1, 766],
      [3, 2, 5_000],
      [3, 1, 5_000],
      [4, 0, 999],
      [4, 0, 1],
      [5, 1, 3_333],
      [6, 2, 4_200],
      [7, 0, FACE],
    ];
    const ids = await Promise.all(purchases.map(([v, s, amount]) => redeem(voucher(v).code, shop(s), amount)));
    // Cancelled at the same time: one of v2's, both of v4's (its household uses nothing any more), v6's.
    await Promise.all([3, 7, 8, 10].map((index) => reverse(ids[index] ?? '', shop(purchases[index]?.[1] ?? 0))));

    // v5 is lost half-spent: its balance moves to a new code, on which the rest is spent.
    const reissue = await api(`/vouchers/${voucher(5).voucherId}/void-and-reissue`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(reissue.status).toBe(201);
    replacementId = String(reissue.body.voucherId);
    await redeem(await replacementCode(campaign.campaignId, replacementId), shop(2), FACE - 3_333);

    // One purchase happened yesterday (the day it counts against moves with it).
    await backdateRedemption(ids[1] ?? '', new Date(Date.now() - 24 * 3600 * 1000));

    const expected = await ledgerSums([...vouchers.map((v) => v.voucherId), replacementId]);
    expect(expected.redeemed.count).toBe(9);
    expect(expected.byDay).toHaveLength(2);
    expect(expected.households).toEqual({ total: 5, used: 4 });
    expect(expected.vouchers).toEqual({ notUsed: 6, partlyUsed: 2, fullyUsed: 4 });

    const answer = await pollUntil(
      'the dashboard to equal the ledger',
      () => dashboardOf(staff),
      (current) => current.status === 200 && isDeepStrictEqual(withoutAsOf(current.body), expected),
      60_000,
    );
    expect(withoutAsOf(answer.body)).toEqual(expected);
    expect(answer.body.remainingCents).toBe(answer.body.unissuedCents + answer.body.remainingBalancesCents);
    // asOf is the newest change counted: the last purchase, made just now.
    expect(Date.parse(answer.body.asOf)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('does not change when a stream batch is delivered again (the handler counts each record once)', async () => {
    const before = (await dashboardOf(staff)).body;
    const records = await streamRecordsOf(campaign.campaignId);
    expect(records.length).toBeGreaterThanOrEqual(40);

    // The same handler module the poller (and Lambda) runs, configured as a handler is: from its environment.
    process.env[ENV.tableName] = localTarget().tableName;
    process.env[LOCAL_ENDPOINT_VARIABLES.dynamodb] = localTarget().endpoints.dynamodb;
    const { handler } = await import('../../functions/streams/aggregate-dashboard.ts');
    for (let round = 0; round < 2; round += 1) {
      for (let start = 0; start < records.length; start += 100) {
        const outcome = await handler(
          { Records: records.slice(start, start + 100) },
          lambdaContext('aggregateDashboard', uniqueId('replay')),
        );
        expect(outcome.counted).toBe(0);
      }
    }
    expect((await dashboardOf(staff)).body).toEqual(before);
  });

  it('is for staff, admin and finance: not for a shop, nor for anyone without a token', async () => {
    const figures = (await dashboardOf(staff)).body;
    for (const role of ['admin', 'finance'] as const) {
      const answer = await dashboardOf(await tokenFor(role));
      expect(answer.status, role).toBe(200);
      expect(answer.body).toEqual(figures);
    }
    expect((await dashboardOf(shop(0).token)).status).toBe(403);
    expect((await dashboardOf(await mintToken(['merchant'], shop(1).merchantId))).body).toMatchObject({
      status: 403,
    });
    expect((await dashboardOf()).status).toBe(401);
    expect((await dashboardOf(staff, uniqueId('cmp'))).body).toMatchObject({ status: 404, code: 'CAMPAIGN_NOT_FOUND' });
  });
});

describe('two aggregator batches at once', () => {
  it('count every change once when they move the same household and the same counters', async () => {
    const other = await createTestCampaign({ faceValueCents: FACE });
    const household = uniqueId('household');
    // Two batches, as two stream shards would give them: each person's voucher changes in order in one of
    // them, all twenty-four people in one household, all purchases on the same shop and day counters.
    const batches: [LedgerChange[], LedgerChange[]] = [[], []];
    for (let index = 0; index < 24; index += 1) {
      const batch = batches[index % 2] as LedgerChange[];
      const issued: VoucherImage = {
        campaignId: other.campaignId,
        householdRef: household,
        beneficiaryRef: `p${index}`,
        faceValueCents: FACE,
        balanceCents: FACE,
        status: 'ACTIVE',
      };
      const spent = (index % 3) * 5_000;
      batch.push({ id: uniqueId('issue'), kind: 'voucher', after: issued });
      if (spent === 0) continue;
      batch.push(
        { id: uniqueId('spend'), kind: 'voucher', before: issued, after: { ...issued, balanceCents: FACE - spent } },
        {
          id: uniqueId('purchase'),
          kind: 'redemption',
          after: {
            campaignId: other.campaignId,
            merchantId: 'm1',
            businessDate: today(),
            amountCents: spent,
            status: 'ACTIVE',
          },
        },
      );
    }
    const changes = [...batches[0], ...batches[1]];
    // On the same counter shard: their transactions meet on the shop, day and totals items too.
    const [a, b] = [1, 2].map(() =>
      createDashboardAggregator({ table: localTable(), now: () => new Date(), shard: 0 }),
    );
    if (!a || !b) throw new Error('no aggregators');
    const outcomes = await Promise.all([a.apply(batches[0]), b.apply(batches[1])]);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.counted, 0)).toBe(changes.length);
    expect((await a.apply(changes)).counted).toBe(0);

    const figures = await createDashboardStore(localTable()).figures(other.campaignId);
    expect(figures.figures).toEqual({
      redemptions: 16,
      redeemedCents: 8 * 5_000 + 8 * 10_000,
      households: 1,
      householdsUsed: 1,
      vouchersNotUsed: 8,
      vouchersPartlyUsed: 8,
      vouchersFullyUsed: 8,
      remainingBalancesCents: 24 * FACE - (8 * 5_000 + 8 * 10_000),
    });
  });
});

/** Every record the table's stream holds about a campaign's vouchers and purchases, oldest first per shard. */
async function streamRecordsOf(campaignId: string): Promise<DynamoDBRecord[]> {
  const { endpoints, tableName } = localTarget();
  const client = localDynamoDbClient(endpoints.dynamodb);
  const streamArn = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  client.destroy();
  if (!streamArn) throw new Error('the table has no stream');
  const streams = localStreamsApi(endpoints.dynamodb);
  const records: DynamoDBRecord[] = [];
  for (const shard of await streams.shards(streamArn)) {
    let iterator: string | undefined = await streams.iterator(streamArn, shard.shardId);
    while (iterator) {
      const page = await streams.records(iterator, 1000);
      for (const record of page.records) {
        const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
        if (image?.campaignId?.S === campaignId && ['Redemption', 'Voucher'].includes(image.type?.S ?? '')) {
          records.push({ ...record, eventSourceARN: streamArn });
        }
      }
      // An open shard answers with a next iterator and no records once it has given everything.
      iterator = page.records.length > 0 ? page.next : undefined;
    }
  }
  return records;
}
