/**
 * Item shapes of the ledger (vouchers, redemptions, audit events) with their index keys, as written by
 * the stores. Kept together so that the key table in keys.ts and what is written can be compared at a glance.
 */
import type { AuditEvent } from '../ledger/audit-event.ts';
import type { Redemption } from '../ledger/redemption.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { auditKeys, redemptionKeys, voucherKeys } from './keys.ts';

export function voucherItem(voucher: Voucher): Record<string, unknown> {
  return {
    ...voucherKeys.item(voucher.voucherId),
    type: 'Voucher',
    gsi1pk: voucherKeys.byCampaignStatus(voucher.campaignId, voucher.status),
    gsi1sk: voucherKeys.byCampaignStatusSort(voucher.issuedAt, voucher.voucherId),
    gsi2pk: voucherKeys.byHousehold(voucher.campaignId, voucher.householdRef),
    gsi2sk: voucherKeys.byHouseholdSort(voucher.voucherId),
    ...voucher,
  };
}

export function redemptionItem(redemption: Redemption): Record<string, unknown> {
  return {
    ...redemptionKeys.item(redemption.redemptionId),
    type: 'Redemption',
    gsi1pk: redemptionKeys.byMerchant(redemption.merchantId),
    gsi1sk: redemptionKeys.byMerchantSort(redemption.businessDate, redemption.createdAt, redemption.redemptionId),
    gsi2pk: redemptionKeys.byVoucher(redemption.voucherId),
    gsi2sk: redemptionKeys.byVoucherSort(redemption.createdAt, redemption.redemptionId),
    // Sparse: present until the settlement run pays it; a reversal removes it too.
    gsi3pk: redemptionKeys.unsettled(redemption.merchantId),
    gsi3sk: redemptionKeys.unsettledSort(redemption.createdAt, redemption.redemptionId),
    ...redemption,
  };
}

export function auditItem(event: AuditEvent): Record<string, unknown> {
  return {
    ...auditKeys.item(event.entityType, event.entityId, event.at, event.eventId),
    type: 'AuditEvent',
    gsi1pk: auditKeys.byDay(brusselsDateOf(new Date(event.at))),
    gsi1sk: `${event.at}#${event.eventId}`,
    ...event,
  };
}

/** A Put that refuses to overwrite anything: ledger records are written once. */
export function putNew(tableName: string, item: Record<string, unknown>) {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}
