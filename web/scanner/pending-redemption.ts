/**
 * The confirmation being sent, kept in sessionStorage from the first tap on "Confirmer" until the server's
 * answer: its Idempotency-Key is generated once, so a second tap, a retry or a reload of the page sends
 * the same key and the server charges the voucher at most once. Only the voucher code (not a person's
 * data), the amount and the shop's username are kept, and only in this tab.
 */
import type { VoucherBalance } from './merchant-api.ts';

const STORAGE_KEY = 'scanner.pendingRedemption';

export interface PendingRedemption {
  readonly idempotencyKey: string;
  /** Only the shop that started it may finish it (a shared phone, another sign-in). */
  readonly username: string;
  readonly code: string;
  readonly amountCents: number;
  /** The voucher as looked up before the charge: the confirmation screen shows it again after a reload. */
  readonly voucher: VoucherBalance;
  /** `abandoned`: the shopkeeper gave up waiting; the outcome is unknown until a retry or the day's list. */
  readonly state: 'sending' | 'abandoned';
}

export function startPending(input: Omit<PendingRedemption, 'idempotencyKey' | 'state'>): PendingRedemption {
  const pending: PendingRedemption = { ...input, idempotencyKey: crypto.randomUUID(), state: 'sending' };
  savePending(pending);
  return pending;
}

export function loadPending(): PendingRedemption | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const value = raw ? (JSON.parse(raw) as PendingRedemption) : undefined;
    return value && typeof value.idempotencyKey === 'string' && typeof value.amountCents === 'number'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function savePending(pending: PendingRedemption): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // No storage (private mode, full): the key still lives in memory for the retries of this page.
  }
}

export function clearPending(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // See savePending.
  }
}
