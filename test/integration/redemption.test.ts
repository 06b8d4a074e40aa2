/**
 * The merchant routes through the local gateway against DynamoDB Local: look-up, redemption, idempotent
 * retries, every refusal (with proof that the balance did not move), reversal, the shop's list, and
 * object-level authorisation.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import { formatCode, qrPayload } from '../../shared/vouchers/voucher-code.ts';
import {
  backdateRedemption,
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  markSettled,
  mintToken,
  type TestShop,
  today,
} from '../support/ledger-fixtures.ts';
import { api, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import { replacementCode } from '../support/replacement-letter.ts';

let campaign: Campaign;
let shop: TestShop;
let otherShop: TestShop;

beforeAll(async () => {
  campaign = await createTestCampaign();
  shop = await createTestShop({ campaigns: [campaign] });
  otherShop = await createTestShop({ campaigns: [campaign] });
});

const lookup = (code: string, token = shop.token) => api(`/merchant/vouchers/${encodeURIComponent(code)}`, { token });
const redeem = (code: string, amountCents: unknown, options: { token?: string; key?: string } = {}) =>
  api('/merchant/redemptions', {
    method: 'POST',
    token: options.token ?? shop.token,
    headers: { 'idempotency-key': options.key ?? idempotencyKey() },
    body: { code, amountCents },
  });
const reverse = (redemptionId: string, options: { token?: string; key?: string } = {}) =>
  api(`/merchant/redemptions/${redemptionId}/reversal`, {
    method: 'POST',
    token: options.token ?? shop.token,
    headers: { 'idempotency-key': options.key ?? idempotencyKey() },
  });
const balanceOf = async (code: string) => (await lookup(code)).body.balanceCents;

describe('voucher look-up', () => {
  it('shows balance, face value, status and validity, and nothing else', async () => {
    const voucher = await issueTestVoucher(campaign);
    const answer = await lookup(voucher.code);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      balanceCents: 10_000,
      faceValueCents: 10_000,
      status: 'ACTIVE',
      validFrom: campaign.startDate,
      validUntil: campaign.endDate,
    });
  });

  it('accepts the code in any case, without separators, with O/I typed for 0/1, or as the QR URL', async () => {
    const voucher = await issueTestVoucher(campaign);
    const compact = voucher.code.replace(/-/g, '');
    for (const input of [
      compact.toLowerCase(),
      voucher.code.replace(/0/g, 'O').replace(/1/g, 'I'),
      qrPayload(localTarget().webUrl, compact),
    ]) {
      expect((await lookup(input)).status, input).toBe(200);
    }
  });

  it('works for the demo vouchers of the seed', async () => {
    const answer = await lookup(localTarget().demoVoucherCodes[0] ?? '', await tokenFor('merchant'));
    expect(answer.body).toMatchObject({ faceValueCents: 10_000, status: 'ACTIVE' });
  });

  it('answers 404 for an unknown code and for a code with a typo', async () => {
    const voucher = await issueTestVoucher(campaign);
    const typo = voucher.code.slice(0, 3) + (voucher.code[3] === 'A' ? 'B' : 'A') + voucher.code.slice(4);
    for (const code of [typo, formatCode('0000000000000000' + '0'), 'hello']) {
      const answer = await lookup(code);
      expect(answer.status, code).toBe(404);
      expect(answer.body).toMatchObject({ code: 'VOUCHER_NOT_FOUND' });
    }
  });

  it('throttles a shop after 20 failed look-ups, with Retry-After, and counts typos too', async () => {
    const guesser = await createTestShop({ campaigns: [campaign] });
    const voucher = await issueTestVoucher(campaign);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const answer = await lookup(attempt % 2 ? 'AAAA-BBBB-CCCC-DDDD-E' : '7KQ4-M2XD-9PFA-3HCW-0', guesser.token);
      expect(answer.status).toBe(404);
    }
    const blocked = await lookup(voucher.code, guesser.token);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const redeemBlocked = await redeem(voucher.code, 100, { token: guesser.token });
    expect(redeemBlocked.status).toBe(429);
    // Other shops are not affected, and the voucher did not move.
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });
});

describe('redemption', () => {
  it('takes the amount and answers the balance after, with a short reference', async () => {
    const voucher = await issueTestVoucher(campaign);
    const answer = await redeem(voucher.code, 1250);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ amountCents: 1250, balanceAfterCents: 8750 });
    expect(answer.body.redemptionId).toMatch(/^R[0-9A-Z]{16}$/);
    expect(answer.body.reference).toBe(`R-${String(answer.body.redemptionId).slice(-6)}`);
    expect(answer.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
    // Cancellable until midnight in Brussels after the purchase (the default window).
    expect(answer.body.reversibleUntil).toMatch(/T23:59:59\.999\+0[12]:00$/);
    expect(await balanceOf(voucher.code)).toBe(8750);
  });

  it('replays the same answer for the same key and body, even after the balance changed', async () => {
    const voucher = await issueTestVoucher(campaign);
    const key = idempotencyKey();
    const first = await redeem(voucher.code, 2000, { key });
    await redeem(voucher.code, 500);
    const again = await redeem(voucher.code.toLowerCase(), 2000, { key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await balanceOf(voucher.code)).toBe(7500);
  });

  it('refuses a key reused for another amount, and moves nothing', async () => {
    const voucher = await issueTestVoucher(campaign);
    const key = idempotencyKey();
    await redeem(voucher.code, 2000, { key });
    const reused = await redeem(voucher.code, 3000, { key });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await balanceOf(voucher.code)).toBe(8000);
  });

  it('requires an Idempotency-Key', async () => {
    const voucher = await issueTestVoucher(campaign);
    const answer = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      body: { code: voucher.code, amountCents: 100 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });

  it.each([0, -100, 12.5, Number.MAX_SAFE_INTEGER + 2])(
    'refuses the amount %s with 422 AMOUNT_INVALID',
    async (amount) => {
      const voucher = await issueTestVoucher(campaign);
      const answer = await redeem(voucher.code, amount);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'AMOUNT_INVALID' });
      expect(await balanceOf(voucher.code)).toBe(10_000);
    },
  );

  it('refuses more than the balance with 409 INSUFFICIENT_BALANCE and says the balance', async () => {
    const voucher = await issueTestVoucher(campaign);
    await redeem(voucher.code, 9000);
    const answer = await redeem(voucher.code, 1001);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'INSUFFICIENT_BALANCE', balanceCents: 1000 });
    expect(await balanceOf(voucher.code)).toBe(1000);
    expect((await redeem(voucher.code, 1000)).body).toMatchObject({ balanceAfterCents: 0 });
  });

  it('refuses an unknown code with 404 and a bad body with 400', async () => {
    expect((await redeem('7KQ4-M2XD-9PFA-3HCW-0', 100)).status).toBe(404);
    const malformed = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': idempotencyKey() },
      rawBody: '{"code": "x", "amountCents": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('refuses vouchers of an ended campaign (410 VOUCHER_EXPIRED) and of one not started (409)', async () => {
    const ended = await createTestCampaign({ startDate: addDays(today(), -40), endDate: addDays(today(), -1) });
    const future = await createTestCampaign({ startDate: addDays(today(), 1), endDate: addDays(today(), 40) });
    const both = await createTestShop({ campaigns: [ended, future] });
    const old = await issueTestVoucher(ended);
    const early = await issueTestVoucher(future);
    const expired = await redeem(old.code, 100, { token: both.token });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'VOUCHER_EXPIRED', validUntil: ended.endDate });
    expect((await lookup(old.code, both.token)).body).toMatchObject({ status: 'EXPIRED', balanceCents: 10_000 });
    const notOpen = await redeem(early.code, 100, { token: both.token });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body).toMatchObject({ code: 'CAMPAIGN_NOT_OPEN' });
    expect((await lookup(early.code, both.token)).body).toMatchObject({
      status: 'NOT_YET_VALID',
      balanceCents: 10_000,
    });
  });

  it('honours a campaign extension at once, without touching the vouchers', async () => {
    const ended = await createTestCampaign({ startDate: addDays(today(), -40), endDate: addDays(today(), -1) });
    const partner = await createTestShop({ campaigns: [ended] });
    const voucher = await issueTestVoucher(ended);
    expect((await redeem(voucher.code, 100, { token: partner.token })).status).toBe(410);
    const staff = await tokenFor('staff');
    const extended = await api(`/campaigns/${ended.campaignId}`, {
      method: 'PATCH',
      token: staff,
      body: { endDate: addDays(today(), 60) },
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ endDate: addDays(today(), 60) });
    expect((await redeem(voucher.code, 100, { token: partner.token })).status).toBe(201);
    const earlier = await api(`/campaigns/${ended.campaignId}`, {
      method: 'PATCH',
      token: staff,
      body: { endDate: addDays(today(), 59) },
    });
    expect(earlier.status).toBe(409);
    expect(earlier.body).toMatchObject({ code: 'END_DATE_NOT_LATER' });
    const same = await api(`/campaigns/${ended.campaignId}`, {
      method: 'PATCH',
      token: staff,
      body: { endDate: addDays(today(), 60) },
    });
    expect(same.status).toBe(200);
    const history = await createAuditStore(localTable()).forEntity('campaign', ended.campaignId);
    expect(history.map((event) => event.action)).toEqual(['EXTEND_CAMPAIGN']);
  });

  it('refuses inactive shops and shops not enrolled in the campaign (403 MERCHANT_INACTIVE)', async () => {
    const voucher = await issueTestVoucher(campaign);
    const closed = await createTestShop({ campaigns: [campaign], status: 'INACTIVE' });
    const stranger = await createTestShop({ campaigns: [] });
    for (const token of [closed.token, stranger.token]) {
      const answer = await redeem(voucher.code, 100, { token });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'MERCHANT_INACTIVE' });
      expect((await lookup(voucher.code, token)).status).toBe(403);
    }
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });
});

describe('void and reissue', () => {
  it('stops the old code, moves the balance to a new code that only the replacement letter carries, and audits both', async () => {
    const voucher = await issueTestVoucher(campaign);
    await redeem(voucher.code, 3000);
    const staff = await tokenFor('staff');
    const key = idempotencyKey();
    const answer = await api(`/vouchers/${voucher.voucherId}/void-and-reissue`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': key },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      replacedVoucherId: voucher.voucherId,
      balanceCents: 7000,
      validUntil: campaign.endDate,
      replacementLetter: 'NEXT_LETTER_RUN',
    });
    // The one who asked never sees the new code: it goes to the family in the next letter run only.
    expect(answer.body).not.toHaveProperty('code');
    expect(JSON.stringify(answer.body)).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const newCode = await replacementCode(campaign.campaignId, String(answer.body.voucherId));
    expect(newCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]$/);

    const replay = await api(`/vouchers/${voucher.voucherId}/void-and-reissue`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': key },
    });
    expect(replay.body).toEqual(answer.body);

    const old = await redeem(voucher.code, 100);
    expect(old.status).toBe(410);
    expect(old.body).toMatchObject({ code: 'VOUCHER_VOIDED' });
    expect((await lookup(voucher.code)).body).toMatchObject({ status: 'VOIDED', balanceCents: 0 });
    expect((await lookup(newCode)).body).toMatchObject({ status: 'ACTIVE', balanceCents: 7000, faceValueCents: 7000 });
    expect((await redeem(newCode, 7000)).body).toMatchObject({ balanceAfterCents: 0 });

    const again = await api(`/vouchers/${voucher.voucherId}/void-and-reissue`, {
      method: 'POST',
      token: staff,
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(again.status).toBe(410);

    const audit = createAuditStore(localTable());
    const oldHistory = await audit.forEntity('voucher', voucher.voucherId);
    expect(oldHistory.map((e) => [e.action, e.balanceBeforeCents ?? null, e.balanceAfterCents])).toEqual([
      ['ISSUE', null, 10_000],
      ['REDEEM', 10_000, 7000],
      ['VOID', 7000, 0],
    ]);
    expect(oldHistory[2]?.actor).toMatchObject({ role: 'staff' });
    const newHistory = await audit.forEntity('voucher', String(answer.body.voucherId));
    expect(newHistory.map((e) => e.action)).toEqual(['REISSUE', 'REDEEM']);
  });

  it('is for staff and admins only, and refuses unknown vouchers', async () => {
    const voucher = await issueTestVoucher(campaign);
    for (const role of ['merchant', 'finance'] as const) {
      const answer = await api(`/vouchers/${voucher.voucherId}/void-and-reissue`, {
        method: 'POST',
        token: await tokenFor(role),
        headers: { 'idempotency-key': idempotencyKey() },
      });
      expect(answer.status, role).toBe(403);
    }
    const unknown = await api(`/vouchers/v${'0'.repeat(32)}/void-and-reissue`, {
      method: 'POST',
      token: await tokenFor('admin'),
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(unknown.status).toBe(404);
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });
});

describe('reversal', () => {
  it('gives the amount back exactly once, and replays its answer', async () => {
    const voucher = await issueTestVoucher(campaign);
    const redemption = await redeem(voucher.code, 4000);
    const key = idempotencyKey();
    const reversed = await reverse(String(redemption.body.redemptionId), { key });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({
      redemptionId: redemption.body.redemptionId,
      amountCents: 4000,
      balanceAfterCents: 10_000,
    });
    expect((await reverse(String(redemption.body.redemptionId), { key })).body).toEqual(reversed.body);
    const twice = await reverse(String(redemption.body.redemptionId));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_REVERSED' });
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });

  it("hides another shop's redemption (404) and leaves it alone", async () => {
    const voucher = await issueTestVoucher(campaign);
    const redemption = await redeem(voucher.code, 4000);
    const answer = await reverse(String(redemption.body.redemptionId), { token: otherShop.token });
    expect(answer.status).toBe(404);
    expect(await balanceOf(voucher.code)).toBe(6000);
  });

  it('is refused after the day of the purchase, and once settled', async () => {
    const voucher = await issueTestVoucher(campaign);
    const yesterday = await redeem(voucher.code, 1000);
    const settled = await redeem(voucher.code, 2000);
    await backdateRedemption(String(yesterday.body.redemptionId), new Date(Date.now() - 26 * 3_600_000));
    await markSettled(String(settled.body.redemptionId));
    const late = await reverse(String(yesterday.body.redemptionId));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'REVERSAL_WINDOW_CLOSED' });
    const paid = await reverse(String(settled.body.redemptionId));
    expect(paid.status).toBe(409);
    expect(paid.body).toMatchObject({ code: 'ALREADY_SETTLED' });
    expect(await balanceOf(voucher.code)).toBe(7000);
  });
});

describe("the shop's redemption list", () => {
  it("lists today's redemptions of the shop only, newest first, with the total of those not cancelled", async () => {
    const listCampaign = await createTestCampaign();
    const mine = await createTestShop({ campaigns: [listCampaign] });
    const theirs = await createTestShop({ campaigns: [listCampaign] });
    const voucher = await issueTestVoucher(listCampaign);
    const a = await redeem(voucher.code, 1000, { token: mine.token });
    const b = await redeem(voucher.code, 250, { token: mine.token });
    await redeem(voucher.code, 700, { token: theirs.token });
    await reverse(String(a.body.redemptionId), { token: mine.token });

    const list = await api<{
      items: Array<Record<string, unknown>>;
      totalCents: number;
      count: number;
      from: string;
      to: string;
    }>('/merchant/redemptions', { token: mine.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ from: today(), to: today(), totalCents: 250, count: 1 });
    expect(list.body.items.map((item) => [item.redemptionId, item.status, item.reversible])).toEqual([
      [b.body.redemptionId, 'ACTIVE', true],
      [a.body.redemptionId, 'REVERSED', false],
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/voucherId|beneficiary|household/);

    const range = await api(`/merchant/redemptions?from=${addDays(today(), -3)}&to=${today()}`, {
      token: theirs.token,
    });
    expect(range.body).toMatchObject({ totalCents: 700, count: 1 });
    const backwards = await api(`/merchant/redemptions?from=${today()}&to=${addDays(today(), -3)}`, {
      token: mine.token,
    });
    expect(backwards.status).toBe(400);
  });
});

describe('roles on the merchant routes', () => {
  it('refuses every other role with 403 and no token with 401', async () => {
    const voucher = await issueTestVoucher(campaign);
    const calls: Array<[string, string]> = [
      ['GET', `/merchant/vouchers/${encodeURIComponent(voucher.code)}`],
      ['POST', '/merchant/redemptions'],
      ['POST', '/merchant/redemptions/R0000000000000000/reversal'],
      ['GET', '/merchant/redemptions'],
    ];
    for (const [method, path] of calls) {
      expect((await api(path, { method, headers: { 'idempotency-key': idempotencyKey() } })).status, path).toBe(401);
      for (const role of ['admin', 'staff', 'finance'] as const) {
        const answer = await api(path, {
          method,
          token: await tokenFor(role),
          headers: { 'idempotency-key': idempotencyKey() },
          ...(method === 'POST' ? { body: { code: voucher.code, amountCents: 100 } } : {}),
        });
        expect(answer.status, `${role} ${path}`).toBe(403);
      }
    }
    // A merchant token without a shop is refused too.
    const shopless = await mintToken(['merchant']);
    expect((await api('/merchant/redemptions', { token: shopless })).status).toBe(403);
    expect(await balanceOf(voucher.code)).toBe(10_000);
  });
});
