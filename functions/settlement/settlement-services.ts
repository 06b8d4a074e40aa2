/**
 * The settlement service of the settlement route handlers, built once per cold start with what each may use.
 * The one route that reaches the documents bucket builds its own (settlement-file-links.ts), so that no other
 * route's bundle carries the S3 client (see functions/runtime/documents.ts).
 */
import { createSettlementService } from '../../shared/services/settlement-service.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';
import { workflowStarter } from '../runtime/workflows.ts';

/** What every variant has: the table and the clock. */
export const settlementBase = () => ({ table: tableFromEnvironment(), now: () => new Date() });

/** Reading runs and approving: the table only. */
export const settlementReader = () => createSettlementService(settlementBase());

/** Starting runs: the table and the state machine. */
export const settlementStarter = () =>
  createSettlementService({ ...settlementBase(), startWorkflow: workflowStarter(['settlement']) });
