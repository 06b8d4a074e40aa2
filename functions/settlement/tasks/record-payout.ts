/** Task "Record the payout": the approved run and its settlements get their payout date. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask('recordPayout', settlementTasks(settlementDependencies()).recordPayout);
