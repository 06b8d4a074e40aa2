/** Task "Open the run": the execution takes its run (or the daily one) and lists the shops to close. */
import { createSettlementClosing } from '../../../shared/services/settlement-closing.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { OpenRunEvent } from './task-events.ts';

const closing = createSettlementClosing(settlementDependencies());

export const handler = workflowTask('openRun', OpenRunEvent, async ({ execution, executionId }) => ({
  ...(await closing.open({ ...(execution.runId ? { runId: execution.runId } : {}), executionId })),
  executionId,
}));
