/** The settlement service of the route that hands out document links: the table (audit) and the documents bucket. */
import { createSettlementService } from '../../shared/services/settlement-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { settlementBase } from './settlement-services.ts';

export const settlementDocuments = () =>
  createSettlementService({ ...settlementBase(), documents: documentsFromEnvironment() });
