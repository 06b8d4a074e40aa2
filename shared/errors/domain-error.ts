/**
 * Typed errors of the domain. Each carries a stable machine-readable `code` that clients (the scanner,
 * the admin page, the finance office's tools) switch on. The HTTP status of each code is decided once,
 * in functions/runtime/problem-details.ts; the domain knows nothing of HTTP.
 */

export const ERROR_CODES = [
  // Request shape
  'MALFORMED_JSON',
  'VALIDATION_FAILED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'UNSUPPORTED_MEDIA_TYPE',
  // The gateway's own: a route's request budget is spent (functions/routes/throttle.ts)
  'TOO_MANY_REQUESTS',
  // Identity
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  // The local token endpoint's second factor for staff with an authenticator app (TOTP)
  'MFA_CODE_REQUIRED',
  'MFA_CODE_INVALID',
  // Vouchers and redemption
  'VOUCHER_NOT_FOUND',
  'TOO_MANY_ATTEMPTS',
  'INSUFFICIENT_BALANCE',
  'VOUCHER_VOIDED',
  'VOUCHER_EXPIRED',
  'MERCHANT_INACTIVE',
  'AMOUNT_INVALID',
  'CAMPAIGN_NOT_OPEN',
  'REVERSAL_WINDOW_CLOSED',
  'ALREADY_SETTLED',
  'ALREADY_REVERSED',
  // Campaigns
  'CAMPAIGN_NOT_FOUND',
  'END_DATE_NOT_LATER',
  'CONFLICT',
  'BUDGET_EXHAUSTED',
  // Register imports and issuance runs
  'IMPORT_NOT_FOUND',
  'UPLOAD_MISSING',
  'UPLOAD_TOO_LARGE',
  'IMPORT_IN_PROGRESS',
  'ISSUANCE_RUN_NOT_FOUND',
  // Background runs (issuance, import) whose worker was lost: resumable once its lease ran out
  'RUN_NOT_STUCK',
  'RUN_FINISHED',
  // Applications (on-application band)
  'APPLICATIONS_CLOSED',
  'NOT_ELIGIBLE',
  'APPLICATION_NOT_FOUND',
  'APPLICATION_EXISTS',
  'APPLICATION_DECIDED',
  'PROOF_MISSING',
  'PROOF_INVALID',
  // Merchants
  'MERCHANT_NOT_FOUND',
  'IBAN_INVALID',
  'BIC_INVALID',
  'ENTERPRISE_NUMBER_INVALID',
  // Settlement
  'SETTLEMENT_RUN_NOT_FOUND',
  'RUN_NOT_AWAITING_APPROVAL',
  'RUN_ALREADY_APPROVED',
  'CUTOFF_IN_FUTURE',
  'FILE_NOT_READY',
  // Letters
  'LETTER_RUN_NOT_FOUND',
  'LETTER_BATCH_NOT_FOUND',
  // Staff look-ups
  'HOUSEHOLD_NOT_FOUND',
  // Anything we did not foresee
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  /** Extra members for the problem document, e.g. `{ balanceCents: 1200 }`. Never anything internal. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.code = code;
    this.extensions = extensions;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
