/** Task "Look for approval": paid yet? If not, the reminder or the alert that is due, and when to look again. */
import { createSettlementApproval } from '../../../shared/services/settlement-approval.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { RunTaskEvent } from './task-events.ts';

const approval = createSettlementApproval(settlementDependencies());

export const handler = workflowTask('checkApproval', RunTaskEvent, (input) => approval.check(input));
