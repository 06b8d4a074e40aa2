/** Task "Look for approval": paid yet? If not, the reminder or the alert that is due, and when to look again. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask(
  'checkApproval',
  settlementTasks(settlementDependencies({ mail: true })).checkApproval,
);
