/**
 * Adversarial concurrency on the ledger: hundreds of simultaneous redemptions of one voucher from several
 * shops, and a storm of retries of one request. The invariants must hold exactly, and contention must
 * never surface as a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { createLedgerStore } from '../../shared/data/ledger-store.ts';
import { createTestCampaign, createTestShop, idempotencyKey, issueTestVoucher } from '../support/ledger-fixtures.ts';
import { api, localTable } from '../support/local-target.ts';

function redeem(code: string, amountCents: number, token: string, key = idempotencyKey()) {
  return api('/merchant/redemptions', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
    body: { code, amountCents },
  });
}

describe('one voucher, many tills at once', () => {
  it('ends exactly at the arithmetic result, with no 5xx, and every busy answer resolves on retry', async () => {
    const campaign = await createTestCampaign();
    const shops = await Promise.all([1, 2, 3].map(() => createTestShop({ campaigns: [campaign] })));
    const voucher = await issueTestVoucher(campaign);
    // 200 attempts of 2 to 7 € on a 100 € voucher: about 900 € are asked for, so most are refused once it
    // runs dry, and the ones that win are decided in every interleaving the tills produce.
    const attempts = Array.from({ length: 200 }, (_, index) => ({
      amount: 200 + ((index * 37) % 500),
      token: shops[index % shops.length]?.token ?? '',
      key: idempotencyKey(),
    }));
    const answers = await Promise.all(attempts.map((a) => redeem(voucher.code, a.amount, a.token, a.key)));
    for (const answer of answers) {
      expect([201, 409], JSON.stringify(answer.body)).toContain(answer.status);
      if (answer.status === 409) expect(['INSUFFICIENT_BALANCE', 'CONFLICT']).toContain(answer.body.code);
    }
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThan(0);

    // A till that was told "busy" retries with the same key, as the scanner does, until it gets a final answer.
    const final = [...answers];
    for (let round = 0; final.some((answer) => answer.body.code === 'CONFLICT'); round += 1) {
      expect(round).toBeLessThan(20);
      await Promise.all(
        final.map(async (answer, index) => {
          const attempt = attempts[index];
          if (answer.body.code !== 'CONFLICT' || !attempt) return;
          final[index] = await redeem(voucher.code, attempt.amount, attempt.token, attempt.key);
        }),
      );
    }
    const accepted = final.filter((answer) => answer.status === 201);
    const refused = final.filter((answer) => answer.status === 409);
    for (const answer of refused) expect(answer.body).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(accepted.length + refused.length).toBe(attempts.length);

    const acceptedSum = accepted.reduce((sum, answer) => sum + Number(answer.body.amountCents), 0);
    const balance = await api(`/merchant/vouchers/${encodeURIComponent(voucher.code)}`, {
      token: shops[0]?.token ?? '',
    });
    expect(balance.body.balanceCents).toBe(10_000 - acceptedSum);
    expect(Number(balance.body.balanceCents)).toBeGreaterThanOrEqual(0);
    // Every refusal was right: it asked for more than the voucher held when it was refused.
    for (const [index, answer] of final.entries()) {
      if (answer.status === 409) expect(attempts[index]?.amount).toBeGreaterThan(Number(answer.body.balanceCents));
    }

    // The ledger agrees: one stored redemption per accepted answer, and a chain of balances without gaps.
    const stored = await createLedgerStore(localTable()).voucherRedemptions(voucher.voucherId);
    expect(stored.map((r) => r.redemptionId).sort()).toEqual(accepted.map((a) => String(a.body.redemptionId)).sort());
    const audit = (await createAuditStore(localTable()).forEntity('voucher', voucher.voucherId)).filter(
      (e) => e.action === 'REDEEM',
    );
    expect(audit).toHaveLength(accepted.length);
    const steps = audit
      .map((event) => [event.balanceBeforeCents ?? 0, event.balanceAfterCents ?? 0] as const)
      .sort((a, b) => b[0] - a[0]);
    let expected = 10_000;
    for (const [before, after] of steps) {
      expect(before).toBe(expected);
      expected = after;
    }
    expect(expected).toBe(balance.body.balanceCents);
  });
});

describe('a retry storm', () => {
  it('yields one redemption and one answer for one key', async () => {
    const campaign = await createTestCampaign();
    const shop = await createTestShop({ campaigns: [campaign] });
    const voucher = await issueTestVoucher(campaign);
    const key = idempotencyKey();
    const answers = await Promise.all(Array.from({ length: 60 }, () => redeem(voucher.code, 1234, shop.token, key)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const ids = new Set(answers.map((answer) => answer.body.redemptionId));
    expect(ids.size).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(await createLedgerStore(localTable()).voucherRedemptions(voucher.voucherId)).toHaveLength(1);
    const final = await api(`/merchant/vouchers/${encodeURIComponent(voucher.code)}`, { token: shop.token });
    expect(final.body.balanceCents).toBe(10_000 - 1234);
  });
});
