/** The letter run service of the route that hands out batch links: the table (audit) and the documents bucket. */
import { createLetterRunService } from '../../shared/services/letter-run-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { letterRunBase } from './letter-services.ts';

export const letterBatches = () =>
  createLetterRunService({ ...letterRunBase(), documents: documentsFromEnvironment() });
