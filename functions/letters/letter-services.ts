/** The letter run service of the letter route handlers, built once per cold start with what each may use. */
import { createLetterRunService } from '../../shared/services/letter-run-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';
import { workflowStarter } from '../runtime/workflows.ts';

const base = () => ({ table: tableFromEnvironment(), now: () => new Date() });

export const letterRunReader = () => createLetterRunService(base());
export const letterRunStarter = () =>
  createLetterRunService({ ...base(), startWorkflow: workflowStarter(['letters']) });
export const letterBatches = () => createLetterRunService({ ...base(), documents: documentsFromEnvironment() });
