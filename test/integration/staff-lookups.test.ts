/**
 * What staff look up, and the trace it leaves: a voucher by its code with its history, a household's
 * members only with a reason, and the audit log that shows who looked at whom.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createPersonStore } from '../../shared/data/person-store.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import {
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  mintToken,
  type TestShop,
  type TestVoucher,
} from '../support/ledger-fixtures.ts';
import { api, localTable, tokenFor } from '../support/local-target.ts';

let campaign: Campaign;
let shop: TestShop;
let voucher: TestVoucher;
let householdRef: string;

beforeAll(async () => {
  campaign = await createTestCampaign();
  shop = await createTestShop({ campaigns: [campaign] });
  voucher = await issueTestVoucher(campaign);
  const stored = await createVoucherStore(localTable()).get(voucher.voucherId);
  if (!stored) throw new Error('voucher not stored');
  householdRef = stored.householdRef;
  await createPersonStore(localTable()).save(
    {
      campaignId: campaign.campaignId,
      personRef: stored.beneficiaryRef,
      householdRef,
      birthDate: '2012-05-14',
      lastName: 'Lefèvre',
      firstName: 'Anaïs',
      address: { street: 'Rue Haute', houseNumber: '8', box: null, postcode: '7300', locality: 'Boussu' },
      eligibility: 'AUTOMATIC',
      fingerprint: 'test',
      version: 1,
      firstImportId: 'I-test',
      lastImportId: 'I-test',
      updatedAt: new Date().toISOString(),
    },
    undefined,
  );
  const redeemed = await api('/merchant/redemptions', {
    method: 'POST',
    token: shop.token,
    headers: { 'idempotency-key': idempotencyKey() },
    body: { code: voucher.code, amountCents: 1250 },
  });
  expect(redeemed.status).toBe(201);
});

describe('a voucher by its code', () => {
  it('shows balance, status and history, names no one, and is audited', async () => {
    const token = await tokenFor('staff');
    const found = await api<Record<string, unknown>>('/vouchers/lookup', {
      method: 'POST',
      token,
      body: { code: voucher.code.toLowerCase() },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      voucherId: voucher.voucherId,
      status: 'ACTIVE',
      balanceCents: 8750,
      faceValueCents: 10_000,
      householdRef,
    });
    expect((found.body.history as Array<{ action: string }>).map((entry) => entry.action)).toEqual(['ISSUE', 'REDEEM']);
    expect((found.body.history as Array<{ merchantName: string | null }>)[1]?.merchantName).toContain('Test shop');
    expect(JSON.stringify(found.body)).not.toContain('Anaïs');
    // Another check character than the code's own (a code ending in 0 made the "typo" the code itself).
    const wrongCheck = voucher.code.endsWith('0') ? '1' : '0';
    const typo = await api('/vouchers/lookup', {
      method: 'POST',
      token,
      body: { code: `${voucher.code.slice(0, -1)}${wrongCheck}` },
    });
    expect(typo.status).toBe(404);
    expect(typo.body).toMatchObject({ code: 'VOUCHER_NOT_FOUND' });
  });
});

describe('a household', () => {
  it('opens only with a reason, and the look-up shows in the audit log with who looked and why', async () => {
    const staff = await mintToken(['staff']);
    const path = `/campaigns/${campaign.campaignId}/households/${householdRef}/views`;
    const noReason = await api(path, { method: 'POST', token: staff, body: { reason: 'why?' } });
    expect(noReason.status).toBe(400);
    const reason = `Lettre perdue, appel de la famille ${randomUUID().slice(0, 6)}`;
    const opened = await api<{ members: Array<Record<string, unknown>> }>(path, {
      method: 'POST',
      token: staff,
      body: { reason },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.members).toEqual([
      expect.objectContaining({
        firstName: 'Anaïs',
        lastName: 'Lefèvre',
        voucherId: voucher.voucherId,
        balanceCents: 8750,
      }),
    ]);
    const log = await api<{
      items: Array<{ actor: { role: string; username: string }; entityId: string; details?: Record<string, unknown> }>;
    }>(`/audit-events?action=VIEW_HOUSEHOLD&entityId=${householdRef}`, { token: await tokenFor('admin') });
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        entityId: householdRef,
        actor: expect.objectContaining({ role: 'staff' }),
        details: expect.objectContaining({ reason }),
      }),
    ]);
    // Staff know each other by username: the log filters on it, in any case, and on no one else's.
    const staffName = log.body.items[0]?.actor.username ?? '';
    expect(staffName).toMatch(/^staff-/);
    const byName = await api<{ items: Array<{ entityId: string; actor: { username: string } }> }>(
      `/audit-events?entityType=household&actor=${encodeURIComponent(staffName.toUpperCase())}`,
      { token: await tokenFor('admin') },
    );
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((item) => item.entityId)).toContain(householdRef);
    expect(new Set(byName.body.items.map((item) => item.actor.username))).toEqual(new Set([staffName]));
    const byOther = await api<{ items: unknown[] }>(`/audit-events?entityType=household&actor=nobody-at-all`, {
      token: await tokenFor('admin'),
    });
    expect(byOther.body.items).toEqual([]);
    const unknown = await api(`/campaigns/${campaign.campaignId}/households/H-nobody-here/views`, {
      method: 'POST',
      token: staff,
      body: { reason: 'Vérification d’un appel téléphonique' },
    });
    expect(unknown.status).toBe(404);
  });

  it('is for staff and admin only', async () => {
    for (const [method, path, body] of [
      ['POST', '/vouchers/lookup', { code: voucher.code }],
      [
        'POST',
        `/campaigns/${campaign.campaignId}/households/${householdRef}/views`,
        { reason: 'Une raison assez longue' },
      ],
      ['GET', '/audit-events', undefined],
    ] as const) {
      expect((await api(path, { method, ...(body ? { body } : {}) })).status, path).toBe(401);
      expect((await api(path, { method, token: shop.token, ...(body ? { body } : {}) })).status, path).toBe(403);
      expect(
        (await api(path, { method, token: await tokenFor('finance'), ...(body ? { body } : {}) })).status,
        path,
      ).toBe(403);
    }
  });
});
