/** Task "Mark the run failed": the execution gave up; the next one (daily, or finance's) resumes the run. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask('markFailed', settlementTasks(settlementDependencies()).markFailed);
