/**
 * What one stored redemption or voucher adds to its campaign's dashboard. A change's effect is the
 * contribution of the item after it minus the contribution of the item before it, so any sequence of
 * changes adds up to the contributions of the items as they are now: the figures equal the ledger's sums
 * whatever the order in which changes are counted.
 */
import * as z from 'zod/mini';

/** The fields of a stored redemption that the dashboard reads. */
export const RedemptionImageSchema = z.object({
  campaignId: z.string().check(z.minLength(1)),
  merchantId: z.string().check(z.minLength(1)),
  businessDate: z.string().check(z.minLength(1)),
  amountCents: z.int(),
  status: z.enum(['ACTIVE', 'REVERSED']),
  createdAt: z.optional(z.string()),
  reversedAt: z.optional(z.string()),
});
export type RedemptionImage = z.infer<typeof RedemptionImageSchema>;

/** The fields of a stored voucher that the dashboard reads. */
export const VoucherImageSchema = z.object({
  campaignId: z.string().check(z.minLength(1)),
  householdRef: z.string().check(z.minLength(1)),
  beneficiaryRef: z.string().check(z.minLength(1)),
  faceValueCents: z.int(),
  balanceCents: z.int(),
  status: z.enum(['ACTIVE', 'VOIDED']),
  replacesVoucherId: z.optional(z.string()),
  issuedAt: z.optional(z.string()),
  voidedAt: z.optional(z.string()),
});
export type VoucherImage = z.infer<typeof VoucherImageSchema>;

/** Net purchases at one shop on one Brussels day (of the purchase: a reversal counts against that day). */
export interface SalesDelta {
  readonly campaignId: string;
  readonly merchantId: string;
  readonly date: string;
  readonly redemptions: number;
  readonly amountCents: number;
}

/**
 * A beneficiary's entitlement: the voucher they were issued and any replacement of it (a void-and-reissue
 * moves the balance to a new voucher; it is not spending). Summed over those vouchers, `entitledCents` is
 * the face value issued, `usedCents` what was redeemed net of reversals, `heldCents` the balance left.
 */
export interface EntitlementDelta {
  readonly campaignId: string;
  readonly householdRef: string;
  readonly beneficiaryRef: string;
  /** Vouchers issued (a replacement is not a new one). */
  readonly vouchers: number;
  readonly entitledCents: number;
  readonly usedCents: number;
  readonly heldCents: number;
}

export function salesOf(redemption: RedemptionImage): SalesDelta | undefined {
  if (redemption.status !== 'ACTIVE') return undefined;
  return {
    campaignId: redemption.campaignId,
    merchantId: redemption.merchantId,
    date: redemption.businessDate,
    redemptions: 1,
    amountCents: redemption.amountCents,
  };
}

/**
 * A voided voucher counts as wholly taken out (its face value), and a replacement puts its own face value
 * (the balance it took over) back: over an entitlement, used = issued face value - the active balance,
 * which is what was spent, however many times the voucher was replaced.
 */
export function entitlementOf(voucher: VoucherImage): EntitlementDelta {
  const isReplacement = voucher.replacesVoucherId !== undefined;
  const active = voucher.status === 'ACTIVE';
  return {
    campaignId: voucher.campaignId,
    householdRef: voucher.householdRef,
    beneficiaryRef: voucher.beneficiaryRef,
    vouchers: isReplacement ? 0 : 1,
    entitledCents: isReplacement ? 0 : voucher.faceValueCents,
    usedCents:
      (active ? voucher.faceValueCents - voucher.balanceCents : voucher.faceValueCents) -
      (isReplacement ? voucher.faceValueCents : 0),
    heldCents: active ? voucher.balanceCents : 0,
  };
}

const salesKey = (d: SalesDelta) => `${d.campaignId}\n${d.merchantId}\n${d.date}`;
const entitlementKey = (d: EntitlementDelta) => `${d.campaignId}\n${d.householdRef}\n${d.beneficiaryRef}`;

/** What a change of a redemption does to the sales figures (nothing, for a settlement marking it paid). */
export function redemptionDeltas(before?: RedemptionImage, after?: RedemptionImage): SalesDelta[] {
  const old = before && salesOf(before);
  const now = after && salesOf(after);
  if (old && now && salesKey(old) === salesKey(now)) {
    const delta = { ...now, redemptions: 0, amountCents: now.amountCents - old.amountCents };
    return delta.amountCents === 0 ? [] : [delta];
  }
  const deltas: SalesDelta[] = [];
  if (old) deltas.push({ ...old, redemptions: -old.redemptions, amountCents: -old.amountCents });
  if (now) deltas.push(now);
  return deltas;
}

/** What a change of a voucher does to its beneficiary's entitlement (nothing, for a change of its letter). */
export function voucherDeltas(before?: VoucherImage, after?: VoucherImage): EntitlementDelta[] {
  const old = before && entitlementOf(before);
  const now = after && entitlementOf(after);
  if (old && now && entitlementKey(old) === entitlementKey(now)) {
    const delta = {
      ...now,
      vouchers: now.vouchers - old.vouchers,
      entitledCents: now.entitledCents - old.entitledCents,
      usedCents: now.usedCents - old.usedCents,
      heldCents: now.heldCents - old.heldCents,
    };
    return isZeroEntitlement(delta) ? [] : [delta];
  }
  const deltas: EntitlementDelta[] = [];
  if (old) {
    deltas.push({
      ...old,
      vouchers: -old.vouchers,
      entitledCents: -old.entitledCents,
      usedCents: -old.usedCents,
      heldCents: -old.heldCents,
    });
  }
  if (now) deltas.push(now);
  return deltas;
}

function isZeroEntitlement(delta: EntitlementDelta): boolean {
  return delta.vouchers === 0 && delta.entitledCents === 0 && delta.usedCents === 0 && delta.heldCents === 0;
}
