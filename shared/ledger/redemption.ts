/** A redemption: an amount a shop took from a voucher. Cancelled (reversed) at most once, settled at most once. */
export const REDEMPTION_STATUSES = ['ACTIVE', 'REVERSED'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export interface Redemption {
  readonly redemptionId: string;
  readonly voucherId: string;
  readonly campaignId: string;
  readonly merchantId: string;
  readonly amountCents: number;
  readonly balanceAfterCents: number;
  readonly createdAt: string;
  /** Brussels calendar day of createdAt: what the shop's daily list and settlement cut-offs use. */
  readonly businessDate: string;
  readonly status: RedemptionStatus;
  readonly reversalId?: string;
  readonly reversedAt?: string;
  /** Set once the settlement run has included it in a payout. */
  readonly settlementId?: string;
}

/** A short reference for receipts and phone calls: the last six characters, e.g. `R-7KQ4M2`. */
export function redemptionReference(redemptionId: string): string {
  return `R-${redemptionId.slice(-6)}`;
}
