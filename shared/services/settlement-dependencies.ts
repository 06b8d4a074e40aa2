/** What the settlement use cases need: the table, the documents bucket, mail, a clock and the town's settings. */
import type { DocumentStore } from '../data/document-store.ts';
import { createSettlementStore, RUN_LEASE_SECONDS } from '../data/settlement-store.ts';
import type { TableContext } from '../data/table.ts';
import type { SettlementTexts } from '../settlement/i18n/texts.ts';
import type { TownAccount } from '../settlement/settlement.ts';
import type { SendMail } from './mailer.ts';

export interface SettlementConfig {
  readonly townName: string;
  /** The debtor of every payment file. */
  readonly townAccount: TownAccount;
  readonly financeEmails: readonly string[];
  /** Who is alerted when a payout nears its deadline unapproved. */
  readonly adminEmails: readonly string[];
  /** How often the approval loop looks for finance's confirmation (besides the reminder milestones). */
  readonly approvalPollSeconds: number;
  readonly texts: SettlementTexts;
}

export type SettlementMetric =
  | 'SettlementRunsOpened'
  | 'SettlementsClosed'
  | 'SettledCents'
  | 'SettlementApprovalReminders'
  | 'SettlementApprovalEscalations'
  | 'SettlementPayoutsOverdue'
  | 'SettlementRunsFailed';

export interface SettlementDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  readonly sendMail: SendMail;
  readonly now: () => Date;
  readonly config: SettlementConfig;
  readonly metric?: (name: SettlementMetric, value?: number) => void;
}

export { RunSupersededError } from './run-superseded.ts';

/** The run store with a lease that outlasts the approval loop's wait between two looks. */
export function settlementRunStore(deps: Pick<SettlementDependencies, 'table' | 'config'>) {
  return createSettlementStore(deps.table, {
    leaseSeconds: Math.max(RUN_LEASE_SECONDS, 2 * deps.config.approvalPollSeconds),
  });
}
