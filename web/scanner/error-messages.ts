/** Every answer the API can give the scanner, as a sentence in the page's language that says what to do next. */
import type { ErrorCode } from '../../shared/errors/domain-error.ts';
import { ApiError } from '../lib/api-client.ts';
import { formatAmount, formatDate, formatTime } from '../lib/i18n/format.ts';
import { type ScannerMessageKey, t } from './i18n/index.ts';

/**
 * The codes the scanner's calls can meet (the merchant routes, GET /me, the gateway and the sign-in), plus
 * the client's own: no answer at all, or an answer without a problem document. Each must have a message;
 * codes of other routes fall back to a general one, so that new staff-side codes need nothing here.
 */
export type ScannerErrorCode = Extract<
  ErrorCode,
  | 'MALFORMED_JSON'
  | 'VALIDATION_FAILED'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'ROUTE_NOT_FOUND'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_CREDENTIALS'
  | 'VOUCHER_NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'INSUFFICIENT_BALANCE'
  | 'VOUCHER_VOIDED'
  | 'VOUCHER_EXPIRED'
  | 'MERCHANT_INACTIVE'
  | 'AMOUNT_INVALID'
  | 'CAMPAIGN_NOT_OPEN'
  | 'REVERSAL_WINDOW_CLOSED'
  | 'ALREADY_SETTLED'
  | 'ALREADY_REVERSED'
  | 'CONFLICT'
  | 'INTERNAL'
>;
export type ClientErrorCode = ScannerErrorCode | 'NETWORK' | 'HTTP_ERROR';

const MESSAGE: Readonly<Record<ClientErrorCode, ScannerMessageKey>> = {
  MALFORMED_JSON: 'error.request',
  VALIDATION_FAILED: 'error.request',
  IDEMPOTENCY_KEY_REQUIRED: 'error.request',
  IDEMPOTENCY_KEY_REUSED: 'error.IDEMPOTENCY_KEY_REUSED',
  ROUTE_NOT_FOUND: 'error.request',
  NOT_FOUND: 'error.NOT_FOUND',
  UNSUPPORTED_MEDIA_TYPE: 'error.request',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
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
  CONFLICT: 'error.CONFLICT',
  INTERNAL: 'error.INTERNAL',
  NETWORK: 'error.NETWORK',
  // An answer without a problem document (a proxy, a gateway error page): the general message.
  HTTP_ERROR: 'error.request',
};

const isCode = (code: string): code is ClientErrorCode => code in MESSAGE;

function member(error: ApiError, name: string): unknown {
  return (error.problem as Record<string, unknown> | undefined)?.[name];
}

/** When a throttled shop may try again, from Retry-After (or the problem's retryAfterSeconds). */
function retryAt(error: ApiError): { time: string; minutes: number } {
  const fromBody = member(error, 'retryAfterSeconds');
  const seconds = error.retryAfterSeconds ?? (typeof fromBody === 'number' ? fromBody : 60);
  return {
    time: formatTime(new Date(Date.now() + seconds * 1000)),
    minutes: Math.max(1, Math.ceil(seconds / 60)),
  };
}

export function apiErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.INTERNAL');
  const code = isCode(error.code) ? error.code : error.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR';
  switch (code) {
    case 'INSUFFICIENT_BALANCE': {
      const balance = member(error, 'balanceCents');
      return typeof balance === 'number'
        ? t('error.INSUFFICIENT_BALANCE', { balance: formatAmount(balance) })
        : t('error.INSUFFICIENT_BALANCE.noBalance');
    }
    case 'VOUCHER_EXPIRED': {
      const date = member(error, 'validUntil');
      return typeof date === 'string'
        ? t('error.VOUCHER_EXPIRED', { date: formatDate(date) })
        : t('error.VOUCHER_EXPIRED.noDate');
    }
    case 'CAMPAIGN_NOT_OPEN': {
      const date = member(error, 'validFrom');
      return typeof date === 'string'
        ? t('error.CAMPAIGN_NOT_OPEN', { date: formatDate(date) })
        : t('error.CAMPAIGN_NOT_OPEN.noDate');
    }
    case 'TOO_MANY_ATTEMPTS':
      return t('error.TOO_MANY_ATTEMPTS', retryAt(error));
    default:
      return t(MESSAGE[code]);
  }
}
