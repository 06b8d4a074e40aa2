/**
 * Invariant 2 against random histories: redemptions and reversals through the API, settlement runs (plain,
 * two at once, killed after a random step and resumed later), and at the end every payable purchase is in
 * exactly one settlement whose sum is its purchases' sum, and what shops are owed equals what was redeemed.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/campaigns/campaign.ts';
import { settlementRunKeys } from '../../../shared/data/keys.ts';
import { createSettlementStore } from '../../../shared/data/settlement-store.ts';
import { updateItem } from '../../../shared/data/table.ts';
import { transactWrite } from '../../../shared/data/transactions.ts';
import { isAbandoned } from '../../../shared/settlement/settlement-run.ts';
import { type PrivateTarget, startPrivateTarget } from '../../support/private-target.ts';
import {
  createCampaign,
  createShop,
  issueVoucher,
  redeem,
  type SettlementShop,
} from '../../support/settlement-fixtures.ts';
import { ledgerState, settlementInvariantProblems } from '../../support/settlement-invariants.ts';
import {
  afterReports,
  afterStep,
  executeSettlement,
  settlementDependenciesFor,
} from '../../support/workflow-executions.ts';

let env: PrivateTarget;
let campaign: Campaign;
let shops: SettlementShop[];

beforeAll(async () => {
  env = await startPrivateTarget();
  campaign = await createCampaign(env);
  shops = [
    await createShop(env, campaign),
    await createShop(env, campaign),
    await createShop(env, campaign, { iban: null }),
  ];
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

type Command =
  | { kind: 'redeem'; shop: number; amountCents: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'run' }
  | { kind: 'runs at once' }
  | { kind: 'crash'; afterStep: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      shop: fc.integer({ min: 0, max: 2 }),
      amountCents: fc.integer({ min: 1, max: 10_000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'run' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'runs at once' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('crash' as const), afterStep: fc.integer({ min: 0, max: 5 }) }),
  },
);

async function newRun(): Promise<string> {
  const now = new Date().toISOString();
  const runId = `P${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
  await transactWrite(env.table, {
    run: createSettlementStore(env.table).createRunItem({
      runId,
      status: 'RUNNING',
      trigger: 'finance',
      cutoff: now,
      createdAt: now,
      createdBy: 'test',
    }),
  });
  return runId;
}

/** Later, the daily start resumes every run whose execution died (their leases long expired). */
async function resumeAbandoned(): Promise<void> {
  const runs = createSettlementStore(env.table);
  for (let round = 0; round < 10; round++) {
    const unfinished = (await runs.unfinishedRuns()).filter(
      (run) => run.status === 'RUNNING' || run.status === 'FAILED',
    );
    if (unfinished.length === 0) return;
    for (const run of unfinished) {
      await updateItem(env.table, {
        Key: settlementRunKeys.item(run.runId),
        UpdateExpression: 'SET leaseUntil = :past',
        ExpressionAttributeValues: { ':past': 0 },
      });
    }
    await executeSettlement(settlementDependenciesFor(env), {}, { killAfter: afterReports });
  }
  throw new Error('abandoned runs keep coming back');
}

describe('settlement under random histories', () => {
  it('keeps every purchase in exactly one settlement, and pays what was redeemed net of reversals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 10 }), async (commands) => {
        const deps = settlementDependenciesFor(env);
        const mine: Array<{ redemptionId: string; shop: SettlementShop; amountCents: number; reversed: boolean }> = [];
        for (const step of commands) {
          if (step.kind === 'redeem') {
            const shop = shops[step.shop] as SettlementShop;
            const answer = await redeem(env, shop, await issueVoucher(env, campaign), step.amountCents);
            mine.push({ redemptionId: answer.redemptionId, shop, amountCents: step.amountCents, reversed: false });
          } else if (step.kind === 'reverse' && mine.length > 0) {
            const target = mine[step.pick % mine.length];
            if (!target) continue;
            const answer = await env.api(`/merchant/redemptions/${target.redemptionId}/reversal`, {
              method: 'POST',
              token: target.shop.token,
              headers: { 'idempotency-key': randomUUID() },
            });
            expect([201, 409]).toContain(answer.status);
            if (answer.status === 201) target.reversed = true;
            else expect(['ALREADY_SETTLED', 'ALREADY_REVERSED']).toContain((answer.body as { code: string }).code);
          } else if (step.kind === 'run') {
            await executeSettlement(deps, { runId: await newRun() }, { killAfter: afterReports });
          } else if (step.kind === 'runs at once') {
            const ids = [await newRun(), await newRun()];
            await Promise.all(ids.map((runId) => executeSettlement(deps, { runId }, { killAfter: afterReports })));
          } else if (step.kind === 'crash') {
            await executeSettlement(deps, { runId: await newRun() }, { killAfter: afterStep(step.afterStep) });
          }
          expect(settlementInvariantProblems(await ledgerState(env.table), { complete: false })).toEqual([]);
        }
        await resumeAbandoned();
        const cutoff = new Date().toISOString();
        await executeSettlement(deps, { runId: await newRun() }, { killAfter: afterReports });
        const state = await ledgerState(env.table);
        expect(settlementInvariantProblems(state, { complete: true, cutoff })).toEqual([]);
        // The model: a shop with an IBAN is owed exactly what it redeemed and did not cancel.
        const byId = new Map(state.redemptions.map((redemption) => [redemption.redemptionId, redemption]));
        for (const purchase of mine) {
          const stored = byId.get(purchase.redemptionId);
          expect(stored?.status).toBe(purchase.reversed ? 'REVERSED' : 'ACTIVE');
          const payable = purchase.shop !== shops[2];
          expect(stored?.settlementId !== undefined).toBe(payable && !purchase.reversed);
        }
        const stillRunning = (await createSettlementStore(env.table).unfinishedRuns()).filter((run) =>
          isAbandoned(run, new Date(Date.now() + 86_400_000)),
        );
        expect(stillRunning.every((run) => run.status === 'AWAITING_APPROVAL')).toBe(true);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  }, 600_000);
});
