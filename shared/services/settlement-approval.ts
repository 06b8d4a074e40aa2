/**
 * Waiting for finance: the approval loop's look at the clock (reminder to finance, then an
 * alert to the admin as the payout deadline nears), and the payout recorded once approved.
 */
import { approvalEscalationMail, approvalReminderMail } from '../settlement/settlement-mail.ts';
import { checkApproval, type SettlementRun } from '../settlement/settlement-run.ts';
import { settlementTotals } from '../settlement/settlement-summary.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import { RunSupersededError, type SettlementDependencies, settlementRunStore } from './settlement-dependencies.ts';

export function createSettlementApproval(deps: SettlementDependencies) {
  const runs = settlementRunStore(deps);
  const { config } = deps;

  const held = async (runId: string, executionId: string): Promise<SettlementRun> => {
    if (!(await runs.heartbeat(runId, executionId, deps.now()))) {
      throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
    }
    const run = await runs.getRun(runId);
    if (!run) throw new Error(`Unknown settlement run ${runId}`);
    return run;
  };

  return {
    /** One look of the approval loop: pay if approved, else send what is due and say when to look again. */
    async check(input: {
      runId: string;
      executionId: string;
    }): Promise<{ approved: boolean; nextCheckAt?: string; overdue?: boolean }> {
      const { runId, executionId } = input;
      const run = await held(runId, executionId);
      if (run.status === 'PAID') return { approved: true };
      const now = deps.now();
      const decision = checkApproval(run, now, config.approvalPollSeconds);
      if (decision.action === 'PAY') return { approved: true };
      const reminder = {
        townName: config.townName,
        runId,
        payoutDeadline: run.payoutDeadline ?? brusselsDateOf(now),
        totals: {
          ...settlementTotals([]),
          shopsPaid: run.settlementCount ?? 0,
          purchases: run.redemptionCount ?? 0,
          amountCents: run.totalCents ?? 0,
        },
      };
      for (const message of decision.send) {
        if (message === 'REMINDER') {
          await deps.sendMail({
            to: config.financeEmails,
            ...approvalReminderMail(reminder, decision.daysLeft, config.texts),
          });
          await runs.markSent(runId, executionId, deps.now(), 'reminderSentAt');
          deps.metric?.('SettlementApprovalReminders');
        } else {
          await deps.sendMail({
            to: [...config.adminEmails, ...config.financeEmails],
            ...approvalEscalationMail(reminder, decision.daysLeft, config.texts),
          });
          await runs.markSent(runId, executionId, deps.now(), 'escalatedAt');
          // The alarm on this metric pages whoever is on call: no payout passes its deadline quietly.
          deps.metric?.('SettlementApprovalEscalations');
        }
      }
      if (decision.overdue) deps.metric?.('SettlementPayoutsOverdue');
      return { approved: false, nextCheckAt: decision.nextCheckAt.toISOString(), overdue: decision.overdue };
    },

    /** Approved: the payout date (the day finance sent the file) on the run and each settlement. */
    async recordPayout(input: { runId: string; executionId: string }): Promise<{ status: 'PAID' }> {
      const { runId, executionId } = input;
      const run = await held(runId, executionId);
      if (run.status === 'PAID') return { status: 'PAID' };
      if (!run.approvedAt) throw new Error(`Settlement run ${runId} is not approved`);
      const payoutDate = brusselsDateOf(new Date(run.approvedAt));
      const paidAt = deps.now().toISOString();
      for (const settlement of await runs.runSettlements(runId)) {
        if (settlement.closedAt) await runs.recordPayout(settlement.settlementId, payoutDate, paidAt);
      }
      if (!(await runs.markPaid(runId, executionId, deps.now(), payoutDate))) {
        throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
      }
      return { status: 'PAID' };
    },

    /** The state machine's last resort: the run is FAILED, to be resumed by the next execution. */
    async fail(input: { runId: string; executionId: string; error: string }): Promise<void> {
      if (await runs.markFailed(input.runId, input.executionId, input.error)) {
        deps.metric?.('SettlementRunsFailed');
      }
    },
  };
}

export type SettlementApproval = ReturnType<typeof createSettlementApproval>;
