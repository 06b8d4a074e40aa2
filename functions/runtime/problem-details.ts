/**
 * The one mapping from domain error codes to HTTP: status and a short title per code, and the RFC 9457
 * problem document built from an error. Nothing internal (stack, SDK message) ever goes into it.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorCode } from '../../shared/errors/domain-error.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEMS: Readonly<Record<ErrorCode, { status: number; title: string }>> = {
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'An Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, title: 'This Idempotency-Key was used for another request' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body must be application/json' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests on this route' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password' },
  MFA_CODE_REQUIRED: { status: 401, title: 'The code of the authenticator app is required' },
  MFA_CODE_INVALID: { status: 401, title: 'Wrong authenticator code' },
  VOUCHER_NOT_FOUND: { status: 404, title: 'Unknown voucher code' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Too many failed look-ups' },
  INSUFFICIENT_BALANCE: { status: 409, title: 'The voucher balance is too low' },
  VOUCHER_VOIDED: { status: 410, title: 'The voucher was voided' },
  VOUCHER_EXPIRED: { status: 410, title: 'The voucher has expired' },
  MERCHANT_INACTIVE: { status: 403, title: 'The shop may not accept vouchers' },
  AMOUNT_INVALID: { status: 422, title: 'The amount is not valid' },
  CAMPAIGN_NOT_OPEN: { status: 409, title: 'The campaign is not open' },
  REVERSAL_WINDOW_CLOSED: { status: 409, title: 'The redemption can no longer be cancelled' },
  ALREADY_SETTLED: { status: 409, title: 'The redemption is already settled' },
  ALREADY_REVERSED: { status: 409, title: 'The redemption was already cancelled' },
  CAMPAIGN_NOT_FOUND: { status: 404, title: 'Unknown campaign' },
  END_DATE_NOT_LATER: { status: 409, title: 'A campaign can only be extended' },
  CONFLICT: { status: 409, title: 'Conflicting state' },
  BUDGET_EXHAUSTED: { status: 409, title: 'The campaign budget is spent' },
  IMPORT_NOT_FOUND: { status: 404, title: 'Unknown register import' },
  UPLOAD_MISSING: { status: 409, title: 'The file has not been uploaded yet' },
  UPLOAD_TOO_LARGE: { status: 413, title: 'The uploaded file is too large' },
  IMPORT_IN_PROGRESS: { status: 409, title: 'Another import of this campaign is being processed' },
  ISSUANCE_RUN_NOT_FOUND: { status: 404, title: 'Unknown issuance run' },
  RUN_NOT_STUCK: { status: 409, title: 'The run is still held by its worker' },
  RUN_FINISHED: { status: 409, title: 'The run is over' },
  APPLICATIONS_CLOSED: { status: 409, title: 'This campaign takes no applications now' },
  NOT_ELIGIBLE: { status: 422, title: 'Not eligible by application' },
  APPLICATION_NOT_FOUND: { status: 404, title: 'Unknown application' },
  APPLICATION_EXISTS: { status: 409, title: 'An application is already under way or approved' },
  APPLICATION_DECIDED: { status: 409, title: 'The application was already decided' },
  PROOF_MISSING: { status: 409, title: 'The proof document has not been uploaded' },
  PROOF_INVALID: { status: 422, title: 'The proof document is not an accepted file' },
  // Merchants
  MERCHANT_NOT_FOUND: { status: 404, title: 'Unknown shop' },
  IBAN_INVALID: { status: 422, title: 'The IBAN is not valid' },
  BIC_INVALID: { status: 422, title: 'The BIC is not valid' },
  ENTERPRISE_NUMBER_INVALID: { status: 422, title: 'The enterprise number is not valid' },
  // Settlement
  SETTLEMENT_RUN_NOT_FOUND: { status: 404, title: 'Unknown settlement run' },
  RUN_NOT_AWAITING_APPROVAL: { status: 409, title: 'The run has no payment awaiting approval' },
  RUN_ALREADY_APPROVED: { status: 409, title: 'The run was already approved' },
  CUTOFF_IN_FUTURE: { status: 422, title: 'The cut-off is in the future' },
  FILE_NOT_READY: { status: 409, title: 'The run has not written this file yet' },
  // Letters
  LETTER_RUN_NOT_FOUND: { status: 404, title: 'Unknown letter run' },
  LETTER_BATCH_NOT_FOUND: { status: 404, title: 'Unknown letter batch' },
  HOUSEHOLD_NOT_FOUND: { status: 404, title: 'Unknown household' },
  INTERNAL: { status: 500, title: 'Internal error' },
};

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export function problemTypeUri(code: ErrorCode): string {
  return `urn:voucher-platform:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function problemDocument(
  code: ErrorCode,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
  instance?: string,
): ProblemDocument {
  const { status, title } = PROBLEMS[code];
  // Extensions come first so that they can never overwrite the standard members.
  return { ...extensions, type: problemTypeUri(code), title, status, detail, code, ...(instance ? { instance } : {}) };
}

export function problemResponse(
  problem: ProblemDocument,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(problem),
  };
}
