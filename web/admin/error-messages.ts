/**
 * Every problem `code` the API can answer, as a sentence of the catalogue in the page's language (a code
 * the page does not know yet shows the problem's own `detail`); sign-in failures the same way.
 */
import type { ErrorCode } from '../../shared/errors/domain-error.ts';
import { ApiError } from '../lib/api-client.ts';
import { SignInError } from '../lib/auth/tokens.ts';
import { type AdminMessageKey, t } from './i18n/index.ts';

/** The client's own codes: no answer at all, or an answer without a problem document. */
type ClientCode = 'NETWORK' | 'HTTP_ERROR';

// A Record over every ErrorCode: a code added to the API without a message here is a compile error.
const MESSAGE: Readonly<Record<ErrorCode | ClientCode, AdminMessageKey>> = {
  MALFORMED_JSON: 'error.request',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  IDEMPOTENCY_KEY_REQUIRED: 'error.request',
  IDEMPOTENCY_KEY_REUSED: 'error.IDEMPOTENCY_KEY_REUSED',
  ROUTE_NOT_FOUND: 'error.request',
  NOT_FOUND: 'error.NOT_FOUND',
  UNSUPPORTED_MEDIA_TYPE: 'error.request',
  TOO_MANY_REQUESTS: 'error.TOO_MANY_REQUESTS',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  INVALID_CREDENTIALS: 'signin.error.INVALID_CREDENTIALS',
  MFA_CODE_REQUIRED: 'signin.code.missing',
  MFA_CODE_INVALID: 'signin.error.MFA_CODE_INVALID',
  VOUCHER_NOT_FOUND: 'error.VOUCHER_NOT_FOUND',
  TOO_MANY_ATTEMPTS: 'error.TOO_MANY_ATTEMPTS',
  INSUFFICIENT_BALANCE: 'error.INSUFFICIENT_BALANCE',
  VOUCHER_VOIDED: 'error.VOUCHER_VOIDED',
  VOUCHER_EXPIRED: 'error.VOUCHER_EXPIRED',
  MERCHANT_INACTIVE: 'error.MERCHANT_INACTIVE',
  AMOUNT_INVALID: 'error.AMOUNT_INVALID',
  CAMPAIGN_NOT_OPEN: 'error.CAMPAIGN_NOT_OPEN',
  REVERSAL_WINDOW_CLOSED: 'error.REVERSAL_WINDOW_CLOSED',
  ALREADY_SETTLED: 'error.ALREADY_SETTLED',
  ALREADY_REVERSED: 'error.ALREADY_REVERSED',
  CAMPAIGN_NOT_FOUND: 'error.CAMPAIGN_NOT_FOUND',
  END_DATE_NOT_LATER: 'error.END_DATE_NOT_LATER',
  CONFLICT: 'error.CONFLICT',
  BUDGET_EXHAUSTED: 'error.BUDGET_EXHAUSTED',
  IMPORT_NOT_FOUND: 'error.IMPORT_NOT_FOUND',
  UPLOAD_MISSING: 'error.UPLOAD_MISSING',
  UPLOAD_TOO_LARGE: 'error.UPLOAD_TOO_LARGE',
  IMPORT_IN_PROGRESS: 'error.IMPORT_IN_PROGRESS',
  ISSUANCE_RUN_NOT_FOUND: 'error.RUN_NOT_FOUND',
  RUN_NOT_STUCK: 'error.RUN_NOT_STUCK',
  RUN_FINISHED: 'error.RUN_FINISHED',
  APPLICATIONS_CLOSED: 'error.APPLICATIONS_CLOSED',
  NOT_ELIGIBLE: 'error.NOT_ELIGIBLE',
  APPLICATION_NOT_FOUND: 'error.APPLICATION_NOT_FOUND',
  APPLICATION_EXISTS: 'error.APPLICATION_EXISTS',
  APPLICATION_DECIDED: 'error.APPLICATION_DECIDED',
  PROOF_MISSING: 'error.PROOF_MISSING',
  PROOF_INVALID: 'error.PROOF_INVALID',
  MERCHANT_NOT_FOUND: 'error.MERCHANT_NOT_FOUND',
  IBAN_INVALID: 'error.IBAN_INVALID',
  BIC_INVALID: 'error.BIC_INVALID',
  ENTERPRISE_NUMBER_INVALID: 'error.ENTERPRISE_NUMBER_INVALID',
  SETTLEMENT_RUN_NOT_FOUND: 'error.RUN_NOT_FOUND',
  RUN_NOT_AWAITING_APPROVAL: 'error.RUN_NOT_AWAITING_APPROVAL',
  RUN_ALREADY_APPROVED: 'error.RUN_ALREADY_APPROVED',
  CUTOFF_IN_FUTURE: 'error.CUTOFF_IN_FUTURE',
  FILE_NOT_READY: 'error.FILE_NOT_READY',
  LETTER_RUN_NOT_FOUND: 'error.RUN_NOT_FOUND',
  LETTER_BATCH_NOT_FOUND: 'error.RUN_NOT_FOUND',
  HOUSEHOLD_NOT_FOUND: 'error.HOUSEHOLD_NOT_FOUND',
  INTERNAL: 'error.INTERNAL',
  NETWORK: 'error.NETWORK',
  HTTP_ERROR: 'error.request',
};

const isKnown = (code: string): code is ErrorCode | ClientCode => code in MESSAGE;

/** The fields a VALIDATION_FAILED answer names (`errors: [{ path, message }]`). */
function invalidFields(error: ApiError): string {
  const errors = (error.problem as { errors?: Array<{ path?: unknown }> } | undefined)?.errors;
  if (!Array.isArray(errors)) return '';
  return [...new Set(errors.map((entry) => String(entry.path ?? '')).filter(Boolean))].join(', ');
}

export function apiErrorMessage(error: unknown): string {
  if (error instanceof SignInError) return t(`signin.error.${error.code}`);
  if (!(error instanceof ApiError)) return t('error.INTERNAL');
  if (!isKnown(error.code)) {
    // A code newer than this page: the API's own words are better than a general message.
    return error.problem?.detail ?? t(error.status >= 500 ? 'error.INTERNAL' : 'error.request');
  }
  if (error.code === 'VALIDATION_FAILED') {
    const fields = invalidFields(error);
    return fields ? t('error.VALIDATION_FAILED.fields', { fields }) : t('error.VALIDATION_FAILED');
  }
  return t(MESSAGE[error.code]);
}
