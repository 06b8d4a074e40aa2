/** The merchant routes the scanner calls (docs: API.md), through the signed-in session. Types only from shared/. */
import type * as z from 'zod/mini';
import type { MeSchema } from '../../shared/api/identity.ts';
import type {
  MerchantRedemptionList,
  RedemptionAnswer,
  ReversalAnswer,
  VoucherBalance,
} from '../../shared/api/merchant.ts';
import type { MerchantSettlementListSchema } from '../../shared/api/settlement.ts';
import { brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { allPages } from '../lib/all-pages.ts';
import type { Session } from '../lib/auth/session.ts';

export type Me = z.infer<typeof MeSchema>;
export type MerchantSettlementList = z.infer<typeof MerchantSettlementListSchema>;
export type { MerchantRedemptionList, RedemptionAnswer, ReversalAnswer, VoucherBalance };

export interface MerchantApi {
  me(): Promise<Me>;
  /** `code` is a checked code (parseCode's output): nothing unverified is ever sent. */
  lookup(code: string): Promise<VoucherBalance>;
  redeem(code: string, amountCents: number, idempotencyKey: string, signal?: AbortSignal): Promise<RedemptionAnswer>;
  reverse(redemptionId: string, idempotencyKey: string, signal?: AbortSignal): Promise<ReversalAnswer>;
  today(): Promise<MerchantRedemptionList>;
  /** The shop's reimbursements by the town, newest first. */
  settlements(): Promise<MerchantSettlementList>;
}

export function merchantApi(session: Session): MerchantApi {
  return {
    me: () => session.request<Me>('/me'),
    lookup: (code) => session.request<VoucherBalance>(`/merchant/vouchers/${encodeURIComponent(code)}`),
    redeem: (code, amountCents, idempotencyKey, signal) =>
      session.request<RedemptionAnswer>('/merchant/redemptions', {
        method: 'POST',
        body: { code, amountCents },
        headers: { 'idempotency-key': idempotencyKey },
        ...(signal ? { signal } : {}),
      }),
    reverse: (redemptionId, idempotencyKey, signal) =>
      session.request<ReversalAnswer>(`/merchant/redemptions/${encodeURIComponent(redemptionId)}/reversal`, {
        method: 'POST',
        headers: { 'idempotency-key': idempotencyKey },
        ...(signal ? { signal } : {}),
      }),
    today: () => {
      const today = brusselsDateOf(new Date());
      return allPages(`/merchant/redemptions?from=${today}&to=${today}`, (url) =>
        session.request<MerchantRedemptionList>(url),
      );
    },
    settlements: () => allPages('/merchant/settlements', (url) => session.request<MerchantSettlementList>(url)),
  };
}
