/**
 * Audit events: one immutable record per change of the ledger (issue, redeem, reverse, void, reissue,
 * campaign extension), written in the same transaction as the change, so one never exists without the other.
 * The register, applications and issuance runs (issue 4) are audited the same way, and so is every look-up
 * of a person's data by staff (viewing an application and its proof, listing applications), and so are
 * partner shops (onboarding, changes, enrolment).
 */
import type { Principal, Role } from '../auth/roles.ts';

export const AUDIT_ACTIONS = [
  'ISSUE',
  'REDEEM',
  'REVERSE',
  'VOID',
  'REISSUE',
  'EXTEND_CAMPAIGN',
  'CREATE_CAMPAIGN',
  'CREATE_IMPORT',
  'PROCESS_IMPORT',
  'COMPLETE_IMPORT',
  'START_ISSUANCE',
  'COMPLETE_ISSUANCE',
  // Staff resuming an issuance run or an import whose worker was lost
  'RESUME_ISSUANCE',
  'RESUME_IMPORT',
  'FILE_APPLICATION',
  'SUBMIT_APPLICATION',
  'APPROVE_APPLICATION',
  'REJECT_APPLICATION',
  'VIEW_APPLICATION',
  'LIST_APPLICATIONS',
  'VIEW_MISSING_PEOPLE',
  'PURGE_CAMPAIGN',
  // Merchants: onboarding, changes (IBANs masked in the details) and enrolment in a campaign
  'CREATE_MERCHANT',
  'UPDATE_MERCHANT',
  'ENROL_MERCHANT',
  // Settlement: runs started by finance, documents downloaded, payments approved
  'START_SETTLEMENT_RUN',
  'DOWNLOAD_SETTLEMENT_FILE',
  'APPROVE_SETTLEMENT_RUN',
  // Letters: runs started by staff, batches downloaded (they hold spendable codes)
  'START_LETTER_RUN',
  'DOWNLOAD_LETTER_BATCH',
  // Staff looking at a voucher's history, or at a household's members (with the reason they gave)
  'VIEW_VOUCHER',
  'VIEW_HOUSEHOLD',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface Actor {
  readonly userId: string;
  readonly username: string;
  /** The role under which the user acted (the first of the route's roles they hold). */
  readonly role: Role | 'system' | 'applicant';
}

export interface AuditEvent {
  readonly eventId: string;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: Actor;
  readonly entityType:
    | 'voucher'
    | 'campaign'
    | 'import'
    | 'issuanceRun'
    | 'application'
    | 'merchant'
    | 'settlementRun'
    | 'household';
  readonly entityId: string;
  /** Correlation id of the request that caused it. */
  readonly requestId: string;
  readonly amountCents?: number;
  readonly balanceBeforeCents?: number;
  readonly balanceAfterCents?: number;
  readonly details?: Readonly<Record<string, string | number>>;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', username: 'system', role: 'system' };

/** The actor of a request: the principal with the role that the route allowed. */
export function actorOf(principal: Principal, allowed: readonly Role[]): Actor {
  const role = principal.roles.find((candidate) => allowed.includes(candidate)) ?? principal.roles[0] ?? 'system';
  return { userId: principal.userId, username: principal.username, role };
}
