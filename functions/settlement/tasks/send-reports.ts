/** Task "Send the reports": finance's report with the documents, each paid shop's remittance advice. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask(
  'sendReports',
  settlementTasks(settlementDependencies({ documents: true, mail: true })).sendReports,
);
