/**
 * Invariant 2 under crashes and concurrency: an execution killed between any two steps is resumed by the
 * next one with nothing counted twice and nothing lost; two runs at once settle each purchase once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/campaigns/campaign.ts';
import { settlementRunKeys } from '../../../shared/data/keys.ts';
import { createSettlementStore } from '../../../shared/data/settlement-store.ts';
import { updateItem } from '../../../shared/data/table.ts';
import { transactWrite } from '../../../shared/data/transactions.ts';
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

/** Two purchases at every shop: work for the next run. */
async function purchases(): Promise<void> {
  for (const shop of shops) {
    for (const amount of [1234, 1]) await redeem(env, shop, await issueVoucher(env, campaign), amount);
  }
}

/** A run as POST /settlement-runs records it, with the cut-off now (the daily default would be midnight). */
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

/** What the next day's run sees of a run whose execution died: its lease long expired. */
async function leaseExpires(runId: string): Promise<void> {
  await updateItem(env.table, {
    Key: settlementRunKeys.item(runId),
    UpdateExpression: 'SET leaseUntil = :past',
    ExpressionAttributeValues: { ':past': 0 },
  });
}

describe('a run killed between two steps', () => {
  // open, three shops closed, documents, reports: a kill after each of the first five steps.
  it.each([0, 1, 2, 3, 4, 5])(
    'after step %i is resumed by the next execution: nothing twice, nothing lost',
    async (kill) => {
      await purchases();
      const deps = settlementDependenciesFor(env);
      const runId = await newRun();
      const first = await executeSettlement(deps, { runId }, { killAfter: afterStep(kill) });
      expect(first.killed).toBe(true);
      const order = ['openRun', 'settleShop', 'settleShop', 'settleShop', 'buildDocuments', 'sendReports'];
      // Shops are closed side by side: a kill after one leaves the others that were already running to finish.
      expect(first.steps.slice(0, kill + 1).map((step) => step.task)).toEqual(order.slice(0, kill + 1));
      expect(first.steps.map((step) => step.task)).not.toContain(order[Math.max(kill + 1, 4)]);
      // Half done: whatever is marked is counted exactly once already.
      expect(settlementInvariantProblems(await ledgerState(env.table), { complete: false })).toEqual([]);

      await leaseExpires(runId);
      // The daily start names no run: it picks the abandoned one up.
      await executeSettlement(deps, {}, { killAfter: afterReports });
      const run = await createSettlementStore(env.table).getRun(runId);
      expect(run?.status).toBe('AWAITING_APPROVAL');
      const state = await ledgerState(env.table);
      expect(settlementInvariantProblems(state, { complete: true, cutoff: run?.cutoff ?? '' })).toEqual([]);
      const mails = (await env.mails()).filter((mail) => mail.subject.includes(runId));
      expect(mails.filter((mail) => mail.destination.to.includes('finances@boussu.example'))).toHaveLength(1);
    },
  );
});

describe('two runs at once', () => {
  it('settle each purchase in exactly one settlement', async () => {
    await purchases();
    await purchases();
    const runs = createSettlementStore(env.table);
    const now = new Date().toISOString();
    const ids = [
      `P${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`,
      `P${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`,
    ];
    for (const runId of ids) {
      await transactWrite(env.table, {
        run: runs.createRunItem({
          runId,
          status: 'RUNNING',
          trigger: 'finance',
          cutoff: now,
          createdAt: now,
          createdBy: 'test',
        }),
      });
    }
    const deps = settlementDependenciesFor(env);
    const outcomes = await Promise.all(
      ids.map((runId) => executeSettlement(deps, { runId }, { killAfter: afterReports })),
    );
    expect(outcomes.every((outcome) => outcome.steps.some((step) => step.task === 'buildDocuments'))).toBe(true);
    // Which run took which purchase is a race; that none is in both, or in neither, is not.
    expect(settlementInvariantProblems(await ledgerState(env.table), { complete: true, cutoff: now })).toEqual([]);
  });
});
