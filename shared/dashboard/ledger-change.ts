/** One change of the ledger as the table's stream reports it (an item before and after), and its effect. */
import {
  type EntitlementDelta,
  type RedemptionImage,
  redemptionDeltas,
  type SalesDelta,
  type VoucherImage,
  voucherDeltas,
} from './ledger-contributions.ts';

interface ChangeOf<Kind extends string, Image> {
  /** Unique per change (the stream record's eventID): what makes counting it twice impossible. */
  readonly id: string;
  readonly kind: Kind;
  readonly before?: Image;
  readonly after?: Image;
  /** When the stream recorded it (approximate: to the second in AWS, to the minute in DynamoDB Local). */
  readonly recordedAt?: string;
}

export type LedgerChange = ChangeOf<'redemption', RedemptionImage> | ChangeOf<'voucher', VoucherImage>;

export interface ChangeEffect {
  readonly sales: readonly SalesDelta[];
  readonly entitlements: readonly EntitlementDelta[];
  /** When the change was made: the ledger's own time where the item says it, else the stream's. */
  readonly at?: string;
}

export function effectOf(change: LedgerChange): ChangeEffect {
  if (change.kind === 'redemption') {
    const { before, after } = change;
    const at =
      (!before && after?.createdAt) ||
      (before?.status === 'ACTIVE' && after?.status === 'REVERSED' && after.reversedAt) ||
      change.recordedAt;
    return { sales: redemptionDeltas(before, after), entitlements: [], ...(at ? { at } : {}) };
  }
  const { before, after } = change;
  const at =
    (!before && after?.issuedAt) ||
    (before?.status === 'ACTIVE' && after?.status === 'VOIDED' && after.voidedAt) ||
    change.recordedAt;
  return { sales: [], entitlements: voucherDeltas(before, after), ...(at ? { at } : {}) };
}

export function hasEffect(effect: ChangeEffect): boolean {
  return effect.sales.length > 0 || effect.entitlements.length > 0;
}
