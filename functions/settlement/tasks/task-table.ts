/**
 * The settlement state machine's Lambda tasks: handler, permissions (least privilege per step) and limits.
 * The CDK construct and the local target both build the tasks from this table, as the API is from the routes.
 */
import type { Permissions } from '../../routes/route.ts';

export interface WorkflowTaskDefinition {
  /** The handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly permissions: Permissions;
  readonly timeoutSeconds: number;
  readonly memorySize: number;
}

const TOWN = { table: 'readWrite', settings: ['town'] } as const;

/** The Lambda tasks of the machine, with what each may touch (least privilege per step). */
export const SETTLEMENT_TASKS = {
  openRun: {
    entry: 'functions/settlement/tasks/open-run.ts',
    description: 'Settlement: takes the run (or opens the daily one) and lists the shops with purchases to close',
    permissions: TOWN,
    timeoutSeconds: 120,
    memorySize: 512,
  },
  settleShop: {
    entry: 'functions/settlement/tasks/settle-shop.ts',
    description: "Settlement: closes one shop's unsettled purchases into its settlement, 99 per transaction",
    permissions: TOWN,
    timeoutSeconds: 900,
    memorySize: 512,
  },
  buildDocuments: {
    entry: 'functions/settlement/tasks/build-documents.ts',
    description: 'Settlement: the payment file (pain.001.001.09), the CSV statement and the PDF summary',
    permissions: { ...TOWN, buckets: { documents: 'readWrite' } },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  sendReports: {
    entry: 'functions/settlement/tasks/send-reports.ts',
    description: "Settlement: finance's report with the documents, each shop's remittance advice",
    permissions: { ...TOWN, buckets: { documents: 'read' }, mail: true },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  checkApproval: {
    entry: 'functions/settlement/tasks/check-approval.ts',
    description:
      "Settlement: looks for finance's approval; reminds finance, then alerts the admin, as the deadline nears",
    permissions: { ...TOWN, mail: true },
    timeoutSeconds: 60,
    memorySize: 512,
  },
  recordPayout: {
    entry: 'functions/settlement/tasks/record-payout.ts',
    description: 'Settlement: records the payout date on the approved run and its settlements',
    permissions: TOWN,
    timeoutSeconds: 300,
    memorySize: 512,
  },
  markFailed: {
    entry: 'functions/settlement/tasks/mark-failed.ts',
    description: 'Settlement: marks the run FAILED so that the next execution resumes it',
    permissions: TOWN,
    timeoutSeconds: 60,
    memorySize: 512,
  },
} as const satisfies Record<string, WorkflowTaskDefinition>;

export type SettlementTaskName = keyof typeof SETTLEMENT_TASKS;
