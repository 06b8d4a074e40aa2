/**
 * The voucher look-up and what it shows: balance, status in words, face value, valid until. Failed look-ups
 * are counted per connection by the API (429 after 20 unknown codes), so a typed code's check character is
 * verified here first: a typo never costs one of them.
 */
import type { VoucherBalance } from '../../shared/api/merchant.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import { ApiError, apiRequest } from '../lib/api-client.ts';
import { byId, setMessage, show } from '../lib/dom.ts';
import { formatAmount, formatDate } from '../lib/i18n/format.ts';
import { type BonMessageKey, t } from './i18n/index.ts';

/** What the last look-up gave, so that a language switch can draw it again without asking the API. */
export type LookupOutcome =
  | { readonly kind: 'found'; readonly code: string; readonly voucher: VoucherBalance }
  | { readonly kind: 'failed'; readonly message: BonMessageKey; readonly minutes?: number };

export function lookUpVoucher(code: string): Promise<LookupOutcome> {
  return apiRequest<VoucherBalance>(`/public/vouchers/${encodeURIComponent(code)}`).then(
    (voucher): LookupOutcome => ({ kind: 'found', code, voucher }),
    (error: unknown): LookupOutcome => failure(error),
  );
}

function failure(error: unknown): LookupOutcome {
  if (!(error instanceof ApiError)) return { kind: 'failed', message: 'lookup.error' };
  if (error.code === 'VOUCHER_NOT_FOUND') return { kind: 'failed', message: 'lookup.notFound' };
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const seconds = error.retryAfterSeconds ?? 15 * 60;
    return { kind: 'failed', message: 'lookup.throttled', minutes: Math.max(1, Math.ceil(seconds / 60)) };
  }
  if (error.code === 'NETWORK') return { kind: 'failed', message: 'lookup.network' };
  return { kind: 'failed', message: 'lookup.error' };
}

/** The status in words; a voucher still ACTIVE with nothing left is "used up". */
function statusText(voucher: VoucherBalance): { text: string; ended: boolean } {
  switch (voucher.status) {
    case 'ACTIVE':
      return voucher.balanceCents > 0
        ? { text: t('status.ACTIVE'), ended: false }
        : { text: t('status.USED_UP'), ended: true };
    case 'NOT_YET_VALID':
      return { text: t('status.NOT_YET_VALID', { date: formatDate(voucher.validFrom) }), ended: false };
    case 'EXPIRED':
      return { text: t('status.EXPIRED'), ended: true };
    case 'VOIDED':
      return { text: t('status.VOIDED'), ended: true };
  }
}

/** Fills the voucher card (in the page's current language). */
export function renderVoucher(code: string, voucher: VoucherBalance): void {
  // Only the end of the code, as the scanner shows it: enough to tell two letters apart.
  byId('voucher-code').textContent = t('voucher.code', { end: formatCode(code).slice(-6) });
  byId('balance').textContent = formatAmount(voucher.balanceCents);
  const status = byId('status');
  const { text, ended } = statusText(voucher);
  status.textContent = text;
  status.classList.toggle('ended', ended);
  byId('face-value').textContent = formatAmount(voucher.faceValueCents);
  byId('valid-until').textContent = formatDate(voucher.validUntil);
}

export function renderFailure(outcome: Extract<LookupOutcome, { kind: 'failed' }>, target: HTMLElement): void {
  setMessage(target, t(outcome.message, outcome.minutes === undefined ? {} : { minutes: outcome.minutes }));
}

export function showVoucherCard(visible: boolean): void {
  show(byId('voucher'), visible);
  show(byId('lookup'), !visible);
}
