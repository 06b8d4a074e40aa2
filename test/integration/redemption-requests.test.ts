/**
 * A redemption's round trips to the table, counted (never timed): one BatchGetItem of everything it decides
 * on, then one TransactWriteItems, the floor of an exact balance-after; a replay is that one read alone. A
 * till that loses a race to another answers from the state its refused write returned when that refuses it,
 * and otherwise reads the voucher alone before it writes again.
 */
import { describe, expect, it } from 'vitest';
import type { TableContext } from '../../shared/data/table.ts';
import { createRedemptionService } from '../../shared/services/redemption-service.ts';
import {
  codeKey,
  createTestCampaign,
  createTestShop,
  idempotencyKey,
  issueTestVoucher,
  type TestShop,
} from '../support/ledger-fixtures.ts';
import { localTable } from '../support/local-target.ts';

/**
 * The local table, with every command sent to it recorded in order (a GetItem with the partition it reads).
 * `beforeSend` runs before each command is sent: a test can slip another till's write in there.
 */
function countedTable(beforeSend: (command: string) => Promise<void> = async () => undefined): {
  table: TableContext;
  sent: string[];
} {
  const table = localTable();
  const sent: string[] = [];
  const send = table.doc.send.bind(table.doc);
  const counted = async (command: Parameters<typeof send>[0], ...rest: unknown[]) => {
    const key = (command.input as { Key?: { pk?: string } }).Key?.pk;
    const name = command.constructor.name + (key ? ` ${key.split('#')[0]}` : '');
    await beforeSend(name);
    sent.push(name);
    return (send as (...args: unknown[]) => ReturnType<typeof send>)(command, ...rest);
  };
  Object.assign(table.doc, { send: counted });
  return { table, sent };
}

function requestOf(shop: TestShop, key = idempotencyKey()) {
  return {
    principal: {
      userId: shop.merchantId,
      username: shop.merchantId,
      roles: ['merchant' as const],
      merchantId: shop.merchantId,
    },
    actor: { userId: shop.merchantId, username: shop.merchantId, role: 'merchant' as const },
    idempotencyKey: key,
    requestId: 'requests-test',
  };
}

describe('a redemption against the table', () => {
  it('reads once and writes once; a replay only reads', async () => {
    const campaign = await createTestCampaign();
    const shop = await createTestShop({ campaigns: [campaign] });
    const first = await issueTestVoucher(campaign);
    const second = await issueTestVoucher(campaign);
    const { table, sent } = countedTable();
    const service = createRedemptionService({ table, codeKey: codeKey(), now: () => new Date() });
    const request = (key: string) => requestOf(shop, key);

    // A function's first voucher of a campaign: its enrolment and campaign cost one more read.
    expect(await service.redeem(request(idempotencyKey()), { code: first.code, amountCents: 100 })).toMatchObject({
      balanceAfterCents: 9_900,
      replayed: false,
    });
    expect(sent.splice(0)).toEqual(['BatchGetCommand', 'BatchGetCommand', 'TransactWriteCommand']);

    const key = idempotencyKey();
    const answer = await service.redeem(request(key), { code: second.code, amountCents: 250 });
    expect(answer).toMatchObject({ balanceAfterCents: 9_750, replayed: false });
    expect(sent.splice(0)).toEqual(['BatchGetCommand', 'TransactWriteCommand']);

    expect(await service.redeem(request(key), { code: second.code, amountCents: 250 })).toEqual({
      ...answer,
      replayed: true,
    });
    expect(sent.splice(0)).toEqual(['BatchGetCommand']);
  });

  it('loses a race: answers from the refused write when that refuses, else reads the voucher alone and writes', async () => {
    const campaign = await createTestCampaign();
    const [slow, quick] = await Promise.all([1, 2].map(() => createTestShop({ campaigns: [campaign] })));
    if (!slow || !quick) throw new Error('no shops');
    const rival = createRedemptionService({ table: localTable(), codeKey: codeKey(), now: () => new Date() });

    // The slow till reads 100 €; the quick one takes 60 € before the slow till's first write goes out.
    const race = async (amountCents: number) => {
      const voucher = await issueTestVoucher(campaign);
      let raced = false;
      const { table, sent } = countedTable(async (command) => {
        if (command !== 'TransactWriteCommand' || raced) return;
        raced = true;
        await rival.redeem(requestOf(quick), { code: voucher.code, amountCents: 6_000 });
      });
      const service = createRedemptionService({ table, codeKey: codeKey(), now: () => new Date() });
      const answer = await service.redeem(requestOf(slow), { code: voucher.code, amountCents }).catch((e) => e);
      return { answer, sent };
    };

    // 50 € no longer fit in the 40 € the refusal returned: that is the answer, with no read of the voucher
    // (the one GetItem looks for the key's answer, in case a twin request made the change).
    const refused = await race(5_000);
    expect(refused.answer).toMatchObject({ code: 'INSUFFICIENT_BALANCE', extensions: { balanceCents: 4_000 } });
    expect(refused.sent.filter((name) => name !== 'BatchGetCommand')).toEqual([
      'TransactWriteCommand',
      'GetCommand IDEMPOTENCY',
    ]);

    // 30 € still fit: the till reads the voucher alone, as it is after the pause, and writes on it.
    const accepted = await race(3_000);
    expect(accepted.answer).toMatchObject({ amountCents: 3_000, balanceAfterCents: 1_000, replayed: false });
    expect(accepted.sent.filter((name) => name !== 'BatchGetCommand')).toEqual([
      'TransactWriteCommand',
      'GetCommand VOUCHER',
      'TransactWriteCommand',
    ]);
  });
});
