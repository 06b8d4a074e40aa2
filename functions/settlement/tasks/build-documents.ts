/** Task "Write the documents": the run's figures, payment file, statement and summary. */
import { createSettlementDocuments } from '../../../shared/services/settlement-documents.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { BuildDocumentsEvent } from './task-events.ts';

const documents = createSettlementDocuments(settlementDependencies());

export const handler = workflowTask('buildDocuments', BuildDocumentsEvent, ({ runId, executionId, shops }) =>
  documents.build({ runId, executionId, waiting: shops.flatMap((shop) => (shop.waiting ? [shop.waiting] : [])) }),
);
