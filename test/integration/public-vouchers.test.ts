/**
 * GET /public/vouchers/{code}: what a citizen's /bon/ page shows, through the local gateway without a token.
 * The balance follows redemptions, the state follows the campaign and voiding, nothing personal is answered,
 * and unknown codes are throttled per client address (429 with Retry-After) exactly as a shop's are.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_MISSES } from '../../shared/data/lookup-misses.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import { codeFromRandomBytes, formatCode, qrPayload } from '../../shared/vouchers/voucher-code.ts';
import { createTestCampaign, createTestShop, issueTestVoucher, today } from '../support/ledger-fixtures.ts';
import { api, localTarget, tokenFor } from '../support/local-target.ts';
import { clientAddress, publicGet } from '../support/public-api.ts';

interface Balance {
  balanceCents: number;
  faceValueCents: number;
  status: string;
  validFrom: string;
  validUntil: string;
}
interface Problem {
  code: string;
  detail: string;
  retryAfterSeconds?: number;
}

const path = (code: string) => `/public/vouchers/${encodeURIComponent(code)}`;
const unknownCode = () => formatCode(codeFromRandomBytes(crypto.getRandomValues(new Uint8Array(10))));

describe('GET /public/vouchers/{code}', () => {
  it('answers balance, face value, state and validity, and nothing else; the balance follows purchases', async () => {
    const campaign = await createTestCampaign();
    const voucher = await issueTestVoucher(campaign);
    const shop = await createTestShop({ campaigns: [campaign] });
    const address = clientAddress();

    const first = await publicGet<Balance>(path(voucher.code), address);
    expect(first.status).toBe(200);
    // Exactly these members: no name, no household, no history, no voucher id.
    expect(first.body).toEqual({
      balanceCents: 10_000,
      faceValueCents: 10_000,
      status: 'ACTIVE',
      validFrom: campaign.startDate,
      validUntil: campaign.endDate,
    });
    expect(first.headers['cache-control']).toBe('no-store');

    const redeemed = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { code: voucher.code, amountCents: 1_250 },
    });
    expect(redeemed.status).toBe(201);
    // Any case, no separators, or the letter's QR payload: the same voucher.
    for (const form of [
      voucher.code.toLowerCase(),
      voucher.code.replaceAll('-', ''),
      qrPayload(localTarget().webUrl, voucher.code),
    ]) {
      const answer = await publicGet<Balance>(path(form), address);
      expect(answer.status, form).toBe(200);
      expect(answer.body.balanceCents, form).toBe(8_750);
    }
  });

  it('says when a voucher is voided, expired or not valid yet', async () => {
    const address = clientAddress();
    const open = await createTestCampaign();
    const lost = await issueTestVoucher(open);
    const voided = await api(`/vouchers/${lost.voucherId}/void-and-reissue`, {
      method: 'POST',
      token: await tokenFor('staff'),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(voided.status).toBe(201);
    expect((await publicGet<Balance>(path(lost.code), address)).body.status).toBe('VOIDED');

    const ended = await createTestCampaign({ startDate: addDays(today(), -60), endDate: addDays(today(), -1) });
    const old = await issueTestVoucher(ended);
    expect((await publicGet<Balance>(path(old.code), address)).body).toMatchObject({
      status: 'EXPIRED',
      validUntil: ended.endDate,
    });

    const future = await createTestCampaign({ startDate: addDays(today(), 5), endDate: addDays(today(), 60) });
    const early = await issueTestVoucher(future);
    expect((await publicGet<Balance>(path(early.code), address)).body).toMatchObject({
      status: 'NOT_YET_VALID',
      validFrom: future.startDate,
    });
  });

  it('throttles an address after too many unknown codes (429, Retry-After), not the others', async () => {
    const campaign = await createTestCampaign();
    const voucher = await issueTestVoucher(campaign);
    const guesser = clientAddress();

    const miss = await publicGet<Problem>(path(unknownCode()), guesser);
    expect(miss.status).toBe(404);
    expect(miss.body.code).toBe('VOUCHER_NOT_FOUND');
    // A typo (wrong check character) and something that is not a code count as misses too.
    const typo = `${voucher.code.slice(0, -1)}${voucher.code.endsWith('0') ? '1' : '0'}`;
    expect((await publicGet<Problem>(path(typo), guesser)).body.code).toBe('VOUCHER_NOT_FOUND');
    expect((await publicGet<Problem>(path('not-a-code'), guesser)).body.code).toBe('VOUCHER_NOT_FOUND');

    const answers: Array<{ status: number; headers: Record<string, unknown>; body: Problem }> = [];
    // 3 misses so far; the limit holds over the current and the previous window, so 2 × MAX_MISSES
    // attempts reach it even when a window ends during the test.
    for (let attempt = 0; attempt < 2 * MAX_MISSES; attempt++)
      answers.push(await publicGet<Problem>(path(unknownCode()), guesser));
    const first = answers.findIndex((answer) => answer.status === 429);
    expect(first).toBeGreaterThanOrEqual(MAX_MISSES - 3);
    expect(answers.slice(0, first).every((answer) => answer.status === 404)).toBe(true);
    const limited = answers[first];
    expect(limited?.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.body.retryAfterSeconds).toBe(Number(limited?.headers['retry-after']));

    // Throttled means throttled: even the right code is refused from that address...
    expect((await publicGet<Problem>(path(voucher.code), guesser)).status).toBe(429);
    // ...while another citizen, and a shop, still get their answers.
    expect((await publicGet<Balance>(path(voucher.code), clientAddress())).status).toBe(200);
    const shop = await createTestShop({ campaigns: [campaign] });
    expect((await api(`/merchant/vouchers/${encodeURIComponent(voucher.code)}`, { token: shop.token })).status).toBe(
      200,
    );
  });
});
