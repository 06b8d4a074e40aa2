/** The settlement service of the settlement route handlers, built once per cold start with what each may use. */
import { createSettlementService } from '../../shared/services/settlement-service.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';
import { workflowStarter } from '../runtime/workflows.ts';

const base = () => ({ table: tableFromEnvironment(), now: () => new Date() });

/** Reading runs and approving: the table only. */
export const settlementReader = () => createSettlementService(base());

/** Starting runs: the table and the state machine. */
export const settlementStarter = () =>
  createSettlementService({ ...base(), startWorkflow: workflowStarter(['settlement']) });

/** Handing out document links: the table (audit) and the documents bucket. */
export const settlementDocuments = () => createSettlementService({ ...base(), documents: documentsFromEnvironment() });
