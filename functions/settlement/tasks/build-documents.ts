/** Task "Write the documents": the run's figures, payment file, statement and summary. */
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { settlementTasks } from './settlement-tasks.ts';

export const handler = workflowTask(
  'buildDocuments',
  settlementTasks(settlementDependencies({ documents: true })).buildDocuments,
);
