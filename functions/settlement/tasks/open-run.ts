/** Task "Open the run": the execution takes its run (or the daily one) and lists the shops to close. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask('openRun', settlementTasks(settlementDependencies()).openRun);
