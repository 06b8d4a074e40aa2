/**
 * Fresh demo vouchers for the local target, issued through the same use case as real issuance (code
 * generation, keyed hash, one-per-person claim, budget counter, audit). Each `npm start` issues a few new
 * ones, so the printed codes always have their full balance.
 */
import { randomUUID } from 'node:crypto';
import { createCampaignStore } from '../../../shared/data/campaign-store.ts';
import type { TableContext } from '../../../shared/data/table.ts';
import { SYSTEM_ACTOR } from '../../../shared/ledger/audit-event.ts';
import { createVoucherService } from '../../../shared/services/voucher-service.ts';
import { formatCode } from '../../../shared/vouchers/voucher-code.ts';

export async function issueDemoVouchers(
  table: TableContext,
  codeKey: Buffer,
  campaignId: string,
  count: number,
): Promise<string[]> {
  const campaign = await createCampaignStore(table).get(campaignId);
  if (!campaign) throw new Error(`No campaign ${campaignId} to issue demo vouchers in`);
  const vouchers = createVoucherService({ table, codeKey, now: () => new Date() });
  const codes: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const result = await vouchers.issue({
      campaign,
      beneficiaryRef: `demo-person-${randomUUID()}`,
      householdRef: `demo-household-${randomUUID()}`,
      actor: SYSTEM_ACTOR,
      requestId: 'local-seed',
    });
    if (result.outcome !== 'ISSUED') throw new Error(`Demo voucher not issued: ${result.outcome}`);
    codes.push(formatCode(result.code));
  }
  return codes;
}
