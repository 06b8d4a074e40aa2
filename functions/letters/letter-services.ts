/**
 * The letter run service of the letter route handlers, built once per cold start with what each may use.
 * The one route that reaches the documents bucket builds its own (letter-batch-links.ts), so that no other
 * route's bundle carries the S3 client (see functions/runtime/documents.ts).
 */
import { createLetterRunService } from '../../shared/services/letter-run-service.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';
import { workflowStarter } from '../runtime/workflows.ts';

/** What every variant has: the table and the clock. */
export const letterRunBase = () => ({ table: tableFromEnvironment(), now: () => new Date() });

export const letterRunReader = () => createLetterRunService(letterRunBase());
export const letterRunStarter = () =>
  createLetterRunService({ ...letterRunBase(), startWorkflow: workflowStarter(['letters']) });
