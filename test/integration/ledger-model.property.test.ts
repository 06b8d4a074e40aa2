/**
 * Model-based property test of the ledger: random sequences of redeem, retry, reverse, void-and-reissue
 * and campaign extension run against the API (local gateway, DynamoDB Local) and against a plain in-memory
 * model. Every answer must be the one the model predicts, and at the end the stored balances, statuses
 * and audit trails must agree with the model.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { createVoucherStore } from '../../shared/data/voucher-store.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import {
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  type TestShop,
} from '../support/ledger-fixtures.ts';
import { type ApiAnswer, api, localTable, tokenFor } from '../support/local-target.ts';
import { replacementCode } from '../support/replacement-letter.ts';

interface ModelVoucher {
  voucherId: string;
  code: string;
  balance: number;
  status: 'ACTIVE' | 'VOIDED';
  /** Expected audit trail: [action, before, after]. */
  trail: Array<[string, number | null, number]>;
}

interface ModelRedemption {
  redemptionId: string;
  voucherId: string;
  shop: number;
  amount: number;
  reversed: boolean;
}

interface Model {
  vouchers: ModelVoucher[];
  redemptions: ModelRedemption[];
  endDate: string;
  /** The last successful write, to be retried with the same key. */
  lastWrite?: { path: string; key: string; token: string; body?: unknown; answer: ApiAnswer };
}

interface Real {
  shops: TestShop[];
  staffToken: string;
  campaignId: string;
}

type Command = fc.AsyncCommand<Model, Real>;

async function post(path: string, token: string, key: string, body?: unknown) {
  return api(path, { method: 'POST', token, headers: { 'idempotency-key': key }, ...(body ? { body } : {}) });
}

class Redeem implements Command {
  readonly voucher: number;
  readonly shop: number;
  readonly amount: number;
  constructor(voucher: number, shop: number, amount: number) {
    this.voucher = voucher;
    this.shop = shop;
    this.amount = amount;
  }
  check = () => true;
  async run(model: Model, real: Real) {
    const voucher = model.vouchers[this.voucher % model.vouchers.length];
    const shop = real.shops[this.shop % real.shops.length];
    if (!voucher || !shop) return;
    const key = idempotencyKey();
    const answer = await post('/merchant/redemptions', shop.token, key, {
      code: voucher.code,
      amountCents: this.amount,
    });
    if (voucher.status === 'VOIDED') {
      expect(answer.body).toMatchObject({ status: 410, code: 'VOUCHER_VOIDED' });
    } else if (this.amount > voucher.balance) {
      expect(answer.body).toMatchObject({ status: 409, code: 'INSUFFICIENT_BALANCE', balanceCents: voucher.balance });
    } else {
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ amountCents: this.amount, balanceAfterCents: voucher.balance - this.amount });
      voucher.trail.push(['REDEEM', voucher.balance, voucher.balance - this.amount]);
      voucher.balance -= this.amount;
      model.redemptions.push({
        redemptionId: String(answer.body.redemptionId),
        voucherId: voucher.voucherId,
        shop: this.shop % real.shops.length,
        amount: this.amount,
        reversed: false,
      });
      model.lastWrite = {
        path: '/merchant/redemptions',
        key,
        token: shop.token,
        body: { code: voucher.code, amountCents: this.amount },
        answer,
      };
    }
  }
  toString = () => `redeem(v${this.voucher}, shop${this.shop}, ${this.amount})`;
}

class Retry implements Command {
  check = (model: Readonly<Model>) => model.lastWrite !== undefined;
  async run(model: Model) {
    const last = model.lastWrite;
    if (!last) return;
    const again = await post(last.path, last.token, last.key, last.body);
    expect(again.status).toBe(last.answer.status);
    expect(again.body).toEqual(last.answer.body);
  }
  toString = () => 'retry-last';
}

class Reverse implements Command {
  readonly redemption: number;
  readonly shop: number;
  constructor(redemption: number, shop: number) {
    this.redemption = redemption;
    this.shop = shop;
  }
  check = (model: Readonly<Model>) => model.redemptions.length > 0;
  async run(model: Model, real: Real) {
    const redemption = model.redemptions[this.redemption % model.redemptions.length];
    const shopIndex = this.shop % real.shops.length;
    const shop = real.shops[shopIndex];
    if (!redemption || !shop) return;
    const voucher = model.vouchers.find((v) => v.voucherId === redemption.voucherId);
    if (!voucher) return;
    const key = idempotencyKey();
    const path = `/merchant/redemptions/${redemption.redemptionId}/reversal`;
    const answer = await post(path, shop.token, key);
    if (redemption.shop !== shopIndex) {
      expect(answer.body).toMatchObject({ status: 404 });
    } else if (redemption.reversed) {
      expect(answer.body).toMatchObject({ status: 409, code: 'ALREADY_REVERSED' });
    } else if (voucher.status === 'VOIDED') {
      expect(answer.body).toMatchObject({ status: 410, code: 'VOUCHER_VOIDED' });
    } else {
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        amountCents: redemption.amount,
        balanceAfterCents: voucher.balance + redemption.amount,
      });
      voucher.trail.push(['REVERSE', voucher.balance, voucher.balance + redemption.amount]);
      voucher.balance += redemption.amount;
      redemption.reversed = true;
      model.lastWrite = { path, key, token: shop.token, answer };
    }
  }
  toString = () => `reverse(r${this.redemption}, shop${this.shop})`;
}

class VoidAndReissue implements Command {
  readonly voucher: number;
  constructor(voucher: number) {
    this.voucher = voucher;
  }
  check = () => true;
  async run(model: Model, real: Real) {
    const voucher = model.vouchers[this.voucher % model.vouchers.length];
    if (!voucher) return;
    const key = idempotencyKey();
    const path = `/vouchers/${voucher.voucherId}/void-and-reissue`;
    const answer = await post(path, real.staffToken, key);
    if (voucher.status === 'VOIDED') {
      expect(answer.body).toMatchObject({ status: 410, code: 'VOUCHER_VOIDED' });
      return;
    }
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ replacedVoucherId: voucher.voucherId, balanceCents: voucher.balance });
    voucher.trail.push(['VOID', voucher.balance, 0]);
    model.vouchers.push({
      voucherId: String(answer.body.voucherId),
      code: await replacementCode(real.campaignId, String(answer.body.voucherId)),
      balance: voucher.balance,
      status: 'ACTIVE',
      trail: [['REISSUE', 0, voucher.balance]],
    });
    voucher.balance = 0;
    voucher.status = 'VOIDED';
    model.lastWrite = { path, key, token: real.staffToken, answer };
  }
  toString = () => `void-and-reissue(v${this.voucher})`;
}

class Extend implements Command {
  readonly days: number;
  constructor(days: number) {
    this.days = days;
  }
  check = () => true;
  async run(model: Model, real: Real) {
    const endDate = addDays(model.endDate, this.days);
    const answer = await api(`/campaigns/${real.campaignId}`, {
      method: 'PATCH',
      token: real.staffToken,
      body: { endDate },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ endDate });
    model.endDate = endDate;
  }
  toString = () => `extend(+${this.days}d)`;
}

const commands = [
  fc.tuple(fc.nat(5), fc.nat(2), fc.integer({ min: 1, max: 6000 })).map(([v, s, a]) => new Redeem(v, s, a)),
  fc.tuple(fc.nat(5), fc.nat(2), fc.constantFrom(1, 2500, 10_000)).map(([v, s, a]) => new Redeem(v, s, a)),
  fc.constant(new Retry()),
  fc.tuple(fc.nat(20), fc.nat(2)).map(([r, s]) => new Reverse(r, s)),
  fc.nat(5).map((v) => new VoidAndReissue(v)),
  fc.integer({ min: 0, max: 30 }).map((days) => new Extend(days)),
];

describe('ledger against an in-memory model', () => {
  it('agrees with the model on every answer, balance, status and audit event', async () => {
    const staffToken = await tokenFor('staff');
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const campaign = await createTestCampaign();
        const shops = await Promise.all([0, 1, 2].map(() => createTestShop({ campaigns: [campaign] })));
        const vouchers = await Promise.all([0, 1].map(() => issueTestVoucher(campaign)));
        const model: Model = {
          vouchers: vouchers.map((v) => ({
            ...v,
            balance: 10_000,
            status: 'ACTIVE' as const,
            trail: [['ISSUE', null, 10_000]],
          })),
          redemptions: [],
          endDate: campaign.endDate,
        };
        await fc.asyncModelRun(() => ({ model, real: { shops, staffToken, campaignId: campaign.campaignId } }), cmds);

        const store = createVoucherStore(localTable());
        const audit = createAuditStore(localTable());
        for (const voucher of model.vouchers) {
          const stored = await store.get(voucher.voucherId);
          expect(stored).toMatchObject({ balanceCents: voucher.balance, status: voucher.status });
          const events = await audit.forEntity('voucher', voucher.voucherId);
          expect(events.map((e) => [e.action, e.balanceBeforeCents ?? null, e.balanceAfterCents])).toEqual(
            voucher.trail,
          );
        }
        // Money is conserved: what the vouchers hold plus what was spent equals what was issued.
        const spent = model.redemptions.filter((r) => !r.reversed).reduce((sum, r) => sum + r.amount, 0);
        const held = model.vouchers.reduce((sum, v) => sum + v.balance, 0);
        expect(held + spent).toBe(2 * 10_000);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
