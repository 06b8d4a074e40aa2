/** Task "Record the payout": the approved run and its settlements get their payout date. */
import { createSettlementApproval } from '../../../shared/services/settlement-approval.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { RunTaskEvent } from './task-events.ts';

const approval = createSettlementApproval(settlementDependencies());

export const handler = workflowTask('recordPayout', RunTaskEvent, (input) => approval.recordPayout(input));
