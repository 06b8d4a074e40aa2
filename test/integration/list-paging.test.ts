/**
 * Cursor paging of the list routes through the local gateway: a list longer than `limit` walked page by
 * page gives every item exactly once and ends with a null cursor; a cursor that was edited, or that comes
 * from another shop, campaign, status or date range, is a 400 and never reaches the table.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { applicationItem } from '../../shared/data/application-store.ts';
import { redemptionKeys } from '../../shared/data/keys.ts';
import { letterRunItem } from '../../shared/data/letter-store.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { putItem } from '../../shared/data/table.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import {
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  mintToken,
  type TestShop,
  today,
} from '../support/ledger-fixtures.ts';
import { api, localTable, uniqueId } from '../support/local-target.ts';

interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly [member: string]: unknown;
}

/** Every page of a list, from the first, following nextCursor; fails on any answer but 200. */
async function walk<T>(path: string, token: string, limit: number): Promise<Array<Paged<T>>> {
  const pages: Array<Paged<T>> = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await api<Paged<T>>(`${path}${query}`, { token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(answer.body);
    cursor = answer.body.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  return pages;
}

/** A cursor with one character changed in its body. */
function tampered(cursor: string): string {
  const [version, body] = cursor.split('.');
  const raw = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as Record<string, string>;
  const edited = { ...raw, gsi1pk: `${raw.gsi1pk}X` };
  return `${version}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}`;
}

describe('GET /merchant/redemptions pages', () => {
  let campaign: Campaign;
  let shop: TestShop;
  let otherShop: TestShop;
  const redeemed: string[] = [];

  beforeAll(async () => {
    campaign = await createTestCampaign();
    shop = await createTestShop({ campaigns: [campaign] });
    otherShop = await createTestShop({ campaigns: [campaign] });
    const voucher = await issueTestVoucher(campaign);
    for (let i = 0; i < 7; i++) {
      const answer = await api('/merchant/redemptions', {
        method: 'POST',
        token: shop.token,
        headers: { 'idempotency-key': idempotencyKey() },
        body: { code: voucher.code, amountCents: 100 + i },
      });
      expect(answer.status).toBe(201);
      redeemed.push(String(answer.body.redemptionId));
    }
    await api('/merchant/redemptions', {
      method: 'POST',
      token: otherShop.token,
      headers: { 'idempotency-key': idempotencyKey() },
      body: { code: voucher.code, amountCents: 50 },
    });
  });

  it('gives every redemption exactly once, newest first, with the totals of the whole range on each page', async () => {
    const pages = await walk<{ redemptionId: string }>('/merchant/redemptions', shop.token, 3);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const ids = pages.flatMap((page) => page.items.map((item) => item.redemptionId));
    expect(ids).toEqual([...redeemed].reverse());
    for (const page of pages) expect(page).toMatchObject({ totalCents: 721, count: 7, from: today(), to: today() });
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('answers the first page of its default size to a caller that ignores cursors', async () => {
    const answer = await api<Paged<unknown>>('/merchant/redemptions', { token: shop.token });
    expect(answer.body.items).toHaveLength(7);
    expect(answer.body.nextCursor).toBeNull();
  });

  it('refuses a tampered cursor, one of another shop or of another range, and a limit out of bounds', async () => {
    const first = await api<Paged<unknown>>('/merchant/redemptions?limit=2', { token: shop.token });
    const cursor = String(first.body.nextCursor);
    const ask = (query: string, token = shop.token) => api(`/merchant/redemptions?${query}`, { token });
    expect((await ask(`limit=2&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
    const refused = [
      await ask(`limit=2&cursor=${encodeURIComponent(tampered(cursor))}`),
      await ask(`limit=2&cursor=${encodeURIComponent(`${cursor}x`)}`),
      await ask('limit=2&cursor=not-a-cursor'),
      await ask(`limit=2&cursor=${encodeURIComponent(cursor)}`, otherShop.token),
      await ask(`from=${addDays(today(), -3)}&to=${addDays(today(), -1)}&cursor=${encodeURIComponent(cursor)}`),
      await ask('limit=0'),
      await ask('limit=1001'),
      await ask('limit=abc'),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('pages a range of 92 days', async () => {
    const longShop = await createTestShop({ campaigns: [campaign] });
    const voucher = await issueTestVoucher(campaign);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await api('/merchant/redemptions', {
        method: 'POST',
        token: longShop.token,
        headers: { 'idempotency-key': idempotencyKey() },
        body: { code: voucher.code, amountCents: 10 },
      });
      ids.push(String(answer.body.redemptionId));
    }
    // Spread over the 93 days from..to (both ends included): the index sorts by business day.
    const table = localTable();
    const days = [0, -1, -30, -60, -91, -92];
    for (const [index, id] of ids.entries()) {
      const day = addDays(today(), days[index] ?? 0);
      await table.doc.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: redemptionKeys.item(id),
          UpdateExpression: 'SET businessDate = :day, gsi1sk = :sort',
          ExpressionAttributeValues: {
            ':day': day,
            ':sort': redemptionKeys.byMerchantSort(day, `${day}T12:00:00.000Z`, id),
          },
        }),
      );
    }
    const pages = await walk<{ redemptionId: string; businessDate: string }>(
      `/merchant/redemptions?from=${addDays(today(), -92)}&to=${today()}`,
      longShop.token,
      2,
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.flatMap((page) => page.items.map((item) => item.redemptionId))).toEqual(ids);
    for (const page of pages) expect(page).toMatchObject({ totalCents: 60, count: 6 });
  });
});

describe('GET /campaigns/{id}/applications pages', () => {
  const table = () => localTable();
  let campaign: Campaign;
  let otherCampaign: Campaign;
  let staff: string;
  const filed: string[] = [];

  const store = async (campaignId: string, index: number, status: Application['status']) => {
    const applicationId = `app-${campaignId}-${String(index).padStart(3, '0')}`;
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
    const application: Application = {
      applicationId,
      campaignId,
      personRef: `person-${applicationId}`,
      status,
      registerCheck: 'NOT_FOUND',
      proofKey: `uploads/proofs/${applicationId}`,
      proofContentType: 'application/pdf',
      proofBytes: 1000,
      createdAt: at,
      submittedAt: at,
    };
    await putItem(table(), applicationItem(application));
    return applicationId;
  };

  beforeAll(async () => {
    campaign = await createTestCampaign();
    otherCampaign = await createTestCampaign();
    staff = await mintToken(['staff']);
    for (let i = 0; i < 11; i++) filed.push(await store(campaign.campaignId, i, 'SUBMITTED'));
    await store(campaign.campaignId, 50, 'REJECTED');
    for (let i = 0; i < 3; i++) await store(otherCampaign.campaignId, i, 'SUBMITTED');
  });

  it('gives every application of the status exactly once, oldest first', async () => {
    const pages = await walk<{ applicationId: string; status: string }>(
      `/campaigns/${campaign.campaignId}/applications?status=SUBMITTED`,
      staff,
      4,
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.flatMap((page) => page.items.map((item) => item.applicationId))).toEqual(filed);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('refuses a cursor of another campaign or status, or tampered', async () => {
    const path = `/campaigns/${campaign.campaignId}/applications`;
    const first = await api<Paged<unknown>>(`${path}?limit=2`, { token: staff });
    const cursor = encodeURIComponent(String(first.body.nextCursor));
    expect((await api(`${path}?limit=2&cursor=${cursor}`, { token: staff })).status).toBe(200);
    for (const refused of [
      `/campaigns/${otherCampaign.campaignId}/applications?cursor=${cursor}`,
      `${path}?status=REJECTED&cursor=${cursor}`,
      `${path}?cursor=${encodeURIComponent(tampered(String(first.body.nextCursor)))}`,
    ]) {
      const answer = await api(refused, { token: staff });
      expect(answer.status, refused).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('the other lists page the same way', () => {
  const ids = <T extends Record<string, unknown>>(pages: Array<Paged<T>>, name: keyof T) =>
    pages.flatMap((page) => page.items.map((item) => String(item[name])));
  const once = (all: string[]) => expect(new Set(all).size).toBe(all.length);

  it('GET /merchants and GET /public/merchants: every shop once; the public list fills its pages with active ones', async () => {
    const store = createMerchantStore(localTable());
    const made: Array<{ merchantId: string; active: boolean }> = [];
    for (let i = 0; i < 8; i++) {
      const merchantId = uniqueId('shop');
      const active = i % 3 !== 1;
      await store.create({
        merchantId,
        name: `Paging ${merchantId}`,
        category: 'books',
        address: { street: 'Rue du Test', number: '1', postcode: '7300', locality: 'Boussu' },
        iban: 'BE68539007547034',
        email: 'test@shops.demo.invalid',
        createdAt: new Date().toISOString(),
        status: active ? 'ACTIVE' : 'INACTIVE',
      });
      made.push({ merchantId, active });
    }
    const staff = await walk<{ merchantId: string }>('/merchants', await mintToken(['staff']), 3);
    once(ids(staff, 'merchantId'));
    expect(ids(staff, 'merchantId')).toEqual(expect.arrayContaining(made.map((m) => m.merchantId)));

    const publicPages = await walk<{ merchantId: string }>('/public/merchants', '', 3);
    const listed = ids(publicPages, 'merchantId');
    once(listed);
    expect(listed).toEqual(expect.arrayContaining(made.filter((m) => m.active).map((m) => m.merchantId)));
    for (const shop of made.filter((m) => !m.active)) expect(listed).not.toContain(shop.merchantId);
    // Filtered after reading, a page still fills up unless the list ends.
    for (const page of publicPages.slice(0, -1)) expect(page.items).toHaveLength(3);
    expect((await api('/public/merchants?cursor=c1.e30')).status).toBe(400);
  });

  it('GET /campaigns and GET /public/campaigns: every campaign once, the open ones only in the public list', async () => {
    const band = { automatic: { minAge: 0, maxAge: 11 }, onApplication: { minAge: 12, maxAge: 18 } };
    const open = [
      await createTestCampaign({ eligibility: band }),
      await createTestCampaign({ eligibility: band }),
      await createTestCampaign({ eligibility: band, startDate: addDays(today(), -20) }),
    ];
    const ended = await createTestCampaign({
      eligibility: band,
      startDate: addDays(today(), -40),
      endDate: addDays(today(), -1),
    });
    const staff = await walk<{ campaignId: string }>('/campaigns', await mintToken(['staff']), 4);
    once(ids(staff, 'campaignId'));
    expect(ids(staff, 'campaignId')).toEqual(expect.arrayContaining([...open, ended].map((c) => c.campaignId)));

    const publicPages = await walk<{ campaignId: string; startDate: string }>('/public/campaigns', '', 1);
    const listed = ids(publicPages, 'campaignId');
    once(listed);
    expect(listed).toEqual(expect.arrayContaining(open.map((c) => c.campaignId)));
    expect(listed).not.toContain(ended.campaignId);
    const starts = publicPages.flatMap((page) => page.items.map((item) => item.startDate));
    expect(starts).toEqual([...starts].sort().reverse());
  });
});

describe('GET /audit-events pages through the same helper', () => {
  it('refuses a cursor of another day or an edited one', async () => {
    const admin = await mintToken(['admin']);
    // Today's log holds the LIST_APPLICATIONS events of the tests above, and more: a page of 1 has a cursor.
    await api(`/campaigns/${uniqueId('cmp')}/applications`, { token: await mintToken(['staff']) });
    const first = await api<Paged<unknown>>(`/audit-events?day=${today()}`, { token: admin });
    expect(first.status).toBe(200);
    const all = await walk<{ eventId: string }>(`/audit-events?day=${today()}&action=LIST_APPLICATIONS`, admin, 200);
    const ids = all.flatMap((page) => page.items.map((item) => item.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
    if (first.body.nextCursor) {
      const cursor = encodeURIComponent(first.body.nextCursor);
      expect((await api(`/audit-events?day=${addDays(today(), -1)}&cursor=${cursor}`, { token: admin })).status).toBe(
        400,
      );
    }
    const forged = `c1.${Buffer.from(JSON.stringify({ gsi1pk: 'AUDIT#x', gsi1sk: 'a', pk: 'b', sk: 'c' })).toString('base64url')}`;
    expect((await api(`/audit-events?cursor=${encodeURIComponent(forged)}`, { token: admin })).status).toBe(400);
  });
});

describe('GET /campaigns/{id}/letter-runs pages', () => {
  it('gives every run once, newest first, and refuses a cursor of another campaign', async () => {
    const campaign = await createTestCampaign();
    const other = await createTestCampaign();
    const runIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const runId = uniqueId('run');
      await putItem(
        localTable(),
        letterRunItem({
          runId,
          campaignId: campaign.campaignId,
          status: 'DONE',
          createdAt: new Date(Date.UTC(2026, 5, 1, 0, i)).toISOString(),
          createdBy: 'test',
          letters: i,
          envelopes: i,
        }),
      );
      runIds.push(runId);
    }
    const staff = await mintToken(['staff']);
    const path = `/campaigns/${campaign.campaignId}/letter-runs`;
    const pages = await walk<{ runId: string }>(path, staff, 2);
    expect(pages.flatMap((page) => page.items.map((item) => item.runId))).toEqual([...runIds].reverse());
    const cursor = encodeURIComponent(String(pages[0]?.nextCursor));
    const foreign = await api(`/campaigns/${other.campaignId}/letter-runs?cursor=${cursor}`, { token: staff });
    expect(foreign.status).toBe(400);
  });
});
