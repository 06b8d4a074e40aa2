/**
 * A voucher: a balance in cents that belongs to one beneficiary (and household) in one campaign. It has no
 * expiry of its own: it is valid until its campaign's current end date, so extending the campaign needs
 * no new letter. Voiding moves the remaining balance to a replacement voucher with a new code.
 */
import type { CalendarDate } from '../time/calendar-date.ts';

export const VOUCHER_STATUSES = ['ACTIVE', 'VOIDED'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export interface Voucher {
  /** The keyed hash of the voucher's code (shared/vouchers/code-hash.ts). */
  readonly voucherId: string;
  readonly campaignId: string;
  /** Opaque reference of the person (never a national number in clear). */
  readonly beneficiaryRef: string;
  readonly householdRef: string;
  readonly faceValueCents: number;
  readonly balanceCents: number;
  readonly status: VoucherStatus;
  readonly issuedAt: string;
  /** Set on a replacement: the voucher whose remaining balance it took over. */
  readonly replacesVoucherId?: string;
  /** Set on a voided voucher. */
  readonly replacedByVoucherId?: string;
  readonly voidedAt?: string;
  /** The letter run that prints this voucher's letter (shared/data/letter-store.ts takeVoucher). */
  readonly letterRunId?: string;
  readonly letterPlannedAt?: string;
}

/** What a merchant (or the public balance check) may know of a voucher: nothing personal. */
export type VoucherState = 'ACTIVE' | 'VOIDED' | 'EXPIRED' | 'NOT_YET_VALID';

export function voucherStateOn(
  voucher: Pick<Voucher, 'status'>,
  campaign: { startDate: CalendarDate; endDate: CalendarDate },
  today: CalendarDate,
): VoucherState {
  if (voucher.status === 'VOIDED') return 'VOIDED';
  if (today > campaign.endDate) return 'EXPIRED';
  if (today < campaign.startDate) return 'NOT_YET_VALID';
  return 'ACTIVE';
}

/**
 * A reference to a voucher for statements and phone calls that is not its code: the last eight characters
 * of its id (a keyed hash of the code, from which the code cannot be found).
 */
export function voucherReference(voucherId: string): string {
  return `V-${voucherId.slice(-8)}`;
}
