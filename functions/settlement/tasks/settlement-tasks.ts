/**
 * The settlement state machine's Lambda tasks over one set of dependencies: each handler module exposes one
 * of them; tests and simulations bind the rendered state machine to them with a clock of their own.
 */
import type { Context } from 'aws-lambda';
import { createSettlementApproval } from '../../../shared/services/settlement-approval.ts';
import { createSettlementClosing } from '../../../shared/services/settlement-closing.ts';
import type { SettlementDependencies } from '../../../shared/services/settlement-dependencies.ts';
import { createSettlementDocuments } from '../../../shared/services/settlement-documents.ts';
import { createSettlementMailing } from '../../../shared/services/settlement-mailing.ts';
import { BuildDocumentsEvent, MarkFailedEvent, OpenRunEvent, RunTaskEvent, SettleShopEvent } from './task-events.ts';
import type { SettlementTaskName } from './task-table.ts';

export type SettlementTask = (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<unknown>;

export function settlementTasks(deps: SettlementDependencies): Record<SettlementTaskName, SettlementTask> {
  const closing = createSettlementClosing(deps);
  const documents = createSettlementDocuments(deps);
  const mailing = createSettlementMailing(deps);
  const approval = createSettlementApproval(deps);
  return {
    openRun: async (event) => {
      const { execution, executionId } = OpenRunEvent.parse(event);
      return {
        ...(await closing.open({ ...(execution.runId ? { runId: execution.runId } : {}), executionId })),
        executionId,
      };
    },
    settleShop: (event, context) =>
      closing.settleShop(SettleShopEvent.parse(event), () => context.getRemainingTimeInMillis()),
    buildDocuments: (event) => {
      const { runId, executionId, shops } = BuildDocumentsEvent.parse(event);
      return documents.build({
        runId,
        executionId,
        waiting: shops.flatMap((shop) => (shop.waiting ? [shop.waiting] : [])),
      });
    },
    sendReports: (event) => mailing.send(RunTaskEvent.parse(event)),
    checkApproval: (event) => approval.check(RunTaskEvent.parse(event)),
    recordPayout: (event) => approval.recordPayout(RunTaskEvent.parse(event)),
    markFailed: async (event) => {
      const { runId, executionId, failure } = MarkFailedEvent.parse(event);
      await approval.fail({ runId, executionId, error: [failure.Error, failure.Cause].filter(Boolean).join(': ') });
      return { status: 'FAILED' as const };
    },
  };
}
