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
import { api, localTable } from '../support/local-target.ts';

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
