/**
 * A redemption's round trips to the table, counted (never timed): one BatchGetItem of everything it decides
 * on, then one TransactWriteItems, the floor of an exact balance-after; a replay is that one read alone.
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
} from '../support/ledger-fixtures.ts';
import { localTable } from '../support/local-target.ts';

/** The local table, with the name of every command sent to it recorded in order. */
function countedTable(): { table: TableContext; sent: string[] } {
  const table = localTable();
  const sent: string[] = [];
  const send = table.doc.send.bind(table.doc);
  const counted = (command: Parameters<typeof send>[0], ...rest: unknown[]) => {
    sent.push(command.constructor.name);
    return (send as (...args: unknown[]) => ReturnType<typeof send>)(command, ...rest);
  };
  Object.assign(table.doc, { send: counted });
  return { table, sent };
}

describe('a redemption against the table', () => {
  it('reads once and writes once; a replay only reads', async () => {
    const campaign = await createTestCampaign();
    const shop = await createTestShop({ campaigns: [campaign] });
    const first = await issueTestVoucher(campaign);
    const second = await issueTestVoucher(campaign);
    const { table, sent } = countedTable();
    const service = createRedemptionService({ table, codeKey: codeKey(), now: () => new Date() });
    const request = (key: string) => ({
      principal: {
        userId: shop.merchantId,
        username: shop.merchantId,
        roles: ['merchant' as const],
        merchantId: shop.merchantId,
      },
      actor: { userId: shop.merchantId, username: shop.merchantId, role: 'merchant' as const },
      idempotencyKey: key,
      requestId: 'requests-test',
    });

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
});
