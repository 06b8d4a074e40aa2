/** Task "Mark the run failed": the execution gave up; the next one (daily, or finance's) resumes the run. */
import { createSettlementApproval } from '../../../shared/services/settlement-approval.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { MarkFailedEvent } from './task-events.ts';

const approval = createSettlementApproval(settlementDependencies());

export const handler = workflowTask('markFailed', MarkFailedEvent, async ({ runId, executionId, failure }) => {
  await approval.fail({ runId, executionId, error: [failure.Error, failure.Cause].filter(Boolean).join(': ') });
  return { status: 'FAILED' as const };
});
