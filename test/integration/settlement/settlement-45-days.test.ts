/**
 * 45 days of a town on a virtual clock: purchases every day, the daily run at 02:00, and finance approving
 * on time, late, or after the deadline. The settlement state machine runs as deployed (its Wait states on the
 * clock); no purchase is paid after its 10 days unless finance was reminded and the admin alerted first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../infra/local/stepfunctions/clocks.ts';
import type { Campaign } from '../../../shared/campaigns/campaign.ts';
import { createSettlementStore } from '../../../shared/data/settlement-store.ts';
import { SYSTEM_ACTOR } from '../../../shared/ledger/audit-event.ts';
import type { OutgoingMail } from '../../../shared/services/mailer.ts';
import { createRedemptionService } from '../../../shared/services/redemption-service.ts';
import { createSettlementService } from '../../../shared/services/settlement-service.ts';
import { approvalMilestones, type SettlementRun } from '../../../shared/settlement/settlement-run.ts';
import { addDays, brusselsDateOf, brusselsWallTime } from '../../../shared/time/calendar-date.ts';
import { type PrivateTarget, startPrivateTarget } from '../../support/private-target.ts';
import { createCampaign, createShop, issueVoucher, type SettlementShop } from '../../support/settlement-fixtures.ts';
import { ledgerState, settlementInvariantProblems } from '../../support/settlement-invariants.ts';
import { executeSettlement, settlementDependenciesFor } from '../../support/workflow-executions.ts';

const DAYS = 45;
const FINANCE = 'finances@boussu.example';
const ADMIN = 'administration@boussu.example';

let env: PrivateTarget;
let campaign: Campaign;
let shops: SettlementShop[];

beforeAll(async () => {
  env = await startPrivateTarget();
  campaign = await createCampaign(env);
  shops = [await createShop(env, campaign), await createShop(env, campaign), await createShop(env, campaign)];
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

/** How long finance takes to approve the n-th run with something to pay (in days after it awaits approval). */
function approvalDelay(n: number): number | 'AFTER_DEADLINE' {
  if (n % 5 === 2) return 'AFTER_DEADLINE';
  if (n % 4 === 1) return 8.5; // late: after the reminder, and the escalation, before the deadline
  return 0.3;
}

describe('45 days of settlement', () => {
  it('pays every purchase within 10 days, or says so loudly first', async () => {
    const firstDay = brusselsDateOf(new Date());
    const clock = new VirtualClock(brusselsWallTime(firstDay, 1), { quietTimeoutMs: 60_000 });
    const mails: Array<{ at: Date; mail: OutgoingMail }> = [];
    const base = settlementDependenciesFor(env, () => clock.now());
    const deps = {
      ...base,
      // Every six hours is enough between milestones; the milestones themselves are waited for exactly.
      config: { ...base.config, approvalPollSeconds: 6 * 3600 },
      sendMail: async (mail: OutgoingMail) => {
        mails.push({ at: clock.now(), mail });
        await base.sendMail(mail);
      },
    };
    const redemptions = createRedemptionService({ table: env.table, codeKey: env.codeKey, now: () => clock.now() });
    const settlement = createSettlementService({ table: env.table, now: () => clock.now() });
    const runs = createSettlementStore(env.table);
    const executions: Array<Promise<unknown>> = [];
    const approvalDue = new Map<string, Date>();
    let payable = 0;

    for (let day = 0; day < DAYS; day++) {
      const date = addDays(firstDay, day);
      // 02:00: the daily schedule starts the run (no run id: the run of the day, or one to resume).
      await clock.advanceTo(brusselsWallTime(date, 2));
      executions.push(executeSettlement(deps, {}, { clock }));
      await clock.quiet();

      // 09:00: finance approves what is due today.
      await clock.advanceTo(brusselsWallTime(date, 9));
      for (const run of await runs.unfinishedRuns()) {
        if (run.status !== 'AWAITING_APPROVAL' || run.approvedAt) continue;
        if (!approvalDue.has(run.runId)) {
          const delay = approvalDelay(payable++);
          const { dueBy } = approvalMilestones(run.payoutDeadline ?? date);
          approvalDue.set(
            run.runId,
            delay === 'AFTER_DEADLINE'
              ? new Date(dueBy.getTime() + 2 * 86_400_000)
              : new Date(clock.now().getTime() + delay * 86_400_000),
          );
        }
        const due = approvalDue.get(run.runId);
        if (due && due <= clock.now()) {
          await settlement.approve(run.runId, {
            actor: { ...SYSTEM_ACTOR, userId: 'finance-1', username: 'finance', role: 'finance' },
            idempotencyKey: `approve-${run.runId}`,
            requestId: 'simulation',
          });
        }
      }
      await clock.quiet();

      // 10:00 to 17:00: purchases (not on Sundays, as in town).
      if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) {
        for (const [index, shop] of shops.entries()) {
          await clock.advanceTo(brusselsWallTime(date, 10 + index * 3));
          const code = await issueVoucher(env, campaign);
          await redemptions.redeem(
            {
              principal: {
                userId: `till-${shop.merchantId}`,
                username: 'till',
                roles: ['merchant'],
                merchantId: shop.merchantId,
              },
              actor: { userId: `till-${shop.merchantId}`, username: 'till', role: 'merchant' },
              idempotencyKey: `day-${day}-${index}`,
              requestId: 'simulation',
            },
            { code, amountCents: 500 + day * 10 + index },
          );
        }
      }
      await clock.quiet();
    }
    // Let every run waiting for approval reach its (possibly late) approval, then finish.
    for (let day = DAYS; day < DAYS + 20; day++) {
      await clock.advanceTo(brusselsWallTime(addDays(firstDay, day), 9));
      for (const run of await runs.unfinishedRuns()) {
        const due = approvalDue.get(run.runId);
        if (run.status === 'AWAITING_APPROVAL' && !run.approvedAt && due && due <= clock.now()) {
          await settlement.approve(run.runId, {
            actor: { ...SYSTEM_ACTOR, userId: 'finance-1', username: 'finance', role: 'finance' },
            idempotencyKey: `approve-${run.runId}`,
            requestId: 'simulation',
          });
        }
      }
      await clock.quiet();
    }
    await Promise.all(executions);

    const state = await ledgerState(env.table);
    // The last run (day 45, 02:00) closed everything bought before that midnight.
    expect(
      settlementInvariantProblems(state, {
        complete: true,
        cutoff: brusselsWallTime(addDays(firstDay, DAYS - 1)).toISOString(),
      }),
    ).toEqual([]);
    const paidRuns = state.runs.filter((run) => run.status === 'PAID') as SettlementRun[];
    expect(paidRuns.length).toBeGreaterThanOrEqual(30);
    expect(state.runs.every((run) => run.status === 'PAID' || run.status === 'EMPTY')).toBe(true);

    const mailsOf = (runId: string, to: string, subject: RegExp) =>
      mails.filter(({ mail }) => mail.to.includes(to) && mail.subject.includes(runId) && subject.test(mail.subject));
    let late = 0;
    for (const run of paidRuns) {
      const { remindAt, escalateAt, dueBy } = approvalMilestones(run.payoutDeadline ?? '');
      const paidAt = new Date(run.approvedAt ?? '');
      const reminders = mailsOf(run.runId, FINANCE, /rappel|Rappel|RAPPEL/);
      const escalations = mails.filter(({ mail }) => mail.to.includes(ADMIN) && mail.subject.includes(run.runId));
      // Every purchase of the run is at most 10 days older than the deadline day.
      const runSettlements = state.settlements.filter((settlement) => settlement.runId === run.runId);
      const oldest = state.redemptions
        .filter((redemption) => runSettlements.some((s) => s.settlementId === redemption.settlementId))
        .map((redemption) => redemption.createdAt)
        .sort()[0];
      expect(run.payoutDeadline).toBe(addDays(brusselsDateOf(new Date(oldest ?? '')), 10));
      if (paidAt > dueBy) {
        late++;
        // Paid late: never quietly. Finance was reminded and the admin alerted, both before the deadline.
        expect(reminders.length, run.runId).toBe(1);
        expect(escalations.length, run.runId).toBe(1);
        expect(reminders[0]?.at.getTime()).toBeLessThan(dueBy.getTime());
        expect(escalations[0]?.at.getTime()).toBeLessThan(dueBy.getTime());
      }
      if (paidAt < remindAt) expect(reminders, run.runId).toHaveLength(0);
      if (reminders[0]) expect(Math.abs(reminders[0].at.getTime() - remindAt.getTime())).toBeLessThan(60_000);
      if (escalations[0]) expect(Math.abs(escalations[0].at.getTime() - escalateAt.getTime())).toBeLessThan(60_000);
    }
    // The policy approves some runs after their deadline: the simulation must have met the case it guards.
    expect(late).toBeGreaterThan(0);
  }, 900_000);
});
