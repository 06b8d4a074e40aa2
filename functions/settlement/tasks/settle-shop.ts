/** Task "Close the shop": one shop's purchases into its settlement, until done or out of time. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask('settleShop', settlementTasks(settlementDependencies()).settleShop);
