/**
 * The merchant use cases: look a voucher up, redeem an amount, cancel a redemption, list the shop's
 * redemptions. Each reads, decides with the pure rules of shared/ledger, and writes through the ledger
 * store's transactions; every write is idempotent under the caller's key.
 */
import type { RedemptionAnswer, ReversalAnswer, VoucherBalance } from '../api/merchant.ts';
import type { Principal } from '../auth/roles.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { createIdempotencyStore, requestHash } from '../data/idempotency-store.ts';
import { createLedgerStore, type LedgerOutcome } from '../data/ledger-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { createVoucherStore } from '../data/voucher-store.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { assertValidAmount, decideRedemption, type RedemptionFacts } from '../ledger/redeem.ts';
import { type Redemption, redemptionReference } from '../ledger/redemption.ts';
import { decideReversal, reversalDeadline } from '../ledger/reverse.ts';
import { addDays, brusselsDateOf, brusselsTimestamp, type CalendarDate } from '../time/calendar-date.ts';
import { voucherIdForCode } from '../vouchers/code-hash.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { voucherStateOn } from '../vouchers/voucher.ts';
import { parseCodeOrUrl } from '../vouchers/voucher-code.ts';
import { idempotentWrite } from './idempotent-write.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';
import { createVoucherLookup } from './voucher-lookup.ts';

/** Who is asking, and under which Idempotency-Key. */
export interface WriteRequest {
  readonly principal: Principal & { readonly merchantId: string };
  readonly actor: Actor;
  readonly idempotencyKey: string;
  readonly requestId: string;
}

const MAX_LIST_DAYS = 92;

export function createRedemptionService(deps: LedgerDependencies) {
  const { table, now } = deps;
  const vouchers = createVoucherStore(table);
  const campaigns = createCampaignStore(table);
  const merchants = createMerchantStore(table);
  const ledger = createLedgerStore(table);
  const idempotency = createIdempotencyStore(table);
  const lookup = createVoucherLookup(deps);
  const metric = deps.metric ?? (() => undefined);

  /** Finds the voucher behind a typed or scanned code, counting every miss against the shop. */
  const findVoucher = (merchantId: string, input: string): Promise<Voucher> =>
    lookup.find({ missKey: merchantId, describedAs: 'this shop' }, input);

  const codeIdentity = (input: string) => {
    const parsed = parseCodeOrUrl(input);
    return parsed.ok ? voucherIdForCode(deps.codeKey, parsed.code) : `invalid:${input.trim()}`;
  };

  return {
    async lookup(merchantId: string, code: string): Promise<VoucherBalance> {
      const merchant = await merchants.get(merchantId);
      if (merchant?.status !== 'ACTIVE')
        throw new DomainError('MERCHANT_INACTIVE', 'This shop may not accept vouchers. Contact the town.');
      const voucher = await findVoucher(merchantId, code);
      // The shop's copy of the campaign dates: the very dates a redemption will be checked against.
      const enrolment = await merchants.getEnrolment(merchantId, voucher.campaignId);
      if (!enrolment)
        throw new DomainError('MERCHANT_INACTIVE', 'This shop does not take part in this voucher campaign.');
      const validity = { startDate: enrolment.campaignStartDate, endDate: enrolment.campaignEndDate };
      return {
        balanceCents: voucher.balanceCents,
        faceValueCents: voucher.faceValueCents,
        status: voucherStateOn(voucher, validity, brusselsDateOf(now())),
        validFrom: validity.startDate,
        validUntil: validity.endDate,
      };
    },

    async redeem(
      request: WriteRequest,
      body: { code: string; amountCents: number },
    ): Promise<RedemptionAnswer & { replayed: boolean }> {
      assertValidAmount(body.amountCents);
      const { merchantId } = request.principal;
      const scope = {
        userId: request.principal.userId,
        key: request.idempotencyKey,
        // The voucher id stands for the code: the same voucher typed or scanned is the same request, and no
        // code (not even hashed without a key) is stored in the idempotency record.
        requestHash: requestHash('redeem', { voucher: codeIdentity(body.code), amountCents: body.amountCents }),
      };
      // The facts are read once; when the write is refused because the voucher moved on, the refusal
      // carries its new state, and only a refusal for another reason reads everything again.
      let facts: Omit<RedemptionFacts, 'amountCents' | 'today'> | undefined;
      let windowHours: number | undefined;
      let last: LedgerOutcome | undefined;
      const result = await idempotentWrite<RedemptionAnswer>(idempotency, scope, now, async () => {
        if (facts && last?.currentVoucher) {
          facts = { ...facts, voucher: last.currentVoucher };
        } else {
          const [voucher, merchant] = await Promise.all([
            findVoucher(merchantId, body.code),
            merchants.get(merchantId),
          ]);
          const [enrolment, campaign] = await Promise.all([
            merchants.getEnrolment(merchantId, voucher.campaignId),
            campaigns.get(voucher.campaignId),
          ]);
          facts = { voucher, merchant, enrolment };
          windowHours = campaign?.reversalWindowHours;
        }
        const { voucher } = facts;
        const at = now();
        const today = brusselsDateOf(at);
        const { balanceAfterCents } = decideRedemption({ ...facts, amountCents: body.amountCents, today });
        const redemption: Redemption = {
          redemptionId: newId('R'),
          voucherId: voucher.voucherId,
          campaignId: voucher.campaignId,
          merchantId,
          amountCents: body.amountCents,
          balanceAfterCents,
          createdAt: at.toISOString(),
          businessDate: today,
          status: 'ACTIVE',
        };
        const answer: RedemptionAnswer = {
          redemptionId: redemption.redemptionId,
          reference: redemptionReference(redemption.redemptionId),
          amountCents: redemption.amountCents,
          balanceAfterCents,
          createdAt: brusselsTimestamp(at),
          reversibleUntil: brusselsTimestamp(reversalDeadline(redemption, windowHours)),
        };
        last = await ledger.redeem({
          voucher,
          redemption,
          today,
          audit: [
            {
              eventId: newId('E'),
              at: redemption.createdAt,
              action: 'REDEEM',
              actor: request.actor,
              entityType: 'voucher',
              entityId: voucher.voucherId,
              requestId: request.requestId,
              amountCents: redemption.amountCents,
              balanceBeforeCents: voucher.balanceCents,
              balanceAfterCents,
              details: { redemptionId: redemption.redemptionId, merchantId },
            },
          ],
          idempotencyRecord: idempotency.recordItem(scope, { statusCode: 201, body: answer }, at),
        });
        return { outcome: last, answer };
      }).catch((error: unknown) => {
        metric('RedemptionRefused');
        throw error;
      });
      if (result.retries > 0) metric('TransactionConflicts', result.retries);
      if (result.replayed) metric('RedemptionReplayed');
      else {
        metric('RedemptionAccepted');
        metric('RedeemedCents', result.answer.amountCents);
      }
      return { ...result.answer, replayed: result.replayed };
    },

    async reverse(request: WriteRequest, redemptionId: string): Promise<ReversalAnswer> {
      const scope = {
        userId: request.principal.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('reverse', { redemptionId }),
      };
      const result = await idempotentWrite<ReversalAnswer>(idempotency, scope, now, async () => {
        const redemption = await ledger.getRedemption(redemptionId);
        const [voucher, campaign] = redemption
          ? await Promise.all([vouchers.get(redemption.voucherId), campaigns.get(redemption.campaignId)])
          : [undefined, undefined];
        const at = now();
        const decided = decideReversal({
          redemption,
          voucher,
          merchantId: request.principal.merchantId,
          windowHours: campaign?.reversalWindowHours,
          now: at,
        });
        const reversalId = newId('X');
        const answer: ReversalAnswer = {
          reversalId,
          redemptionId,
          amountCents: decided.redemption.amountCents,
          balanceAfterCents: decided.balanceAfterCents,
          createdAt: brusselsTimestamp(at),
        };
        const outcome = await ledger.reverse({
          voucher: decided.voucher,
          redemption: decided.redemption,
          reversalId,
          reversedAt: at.toISOString(),
          balanceAfterCents: decided.balanceAfterCents,
          audit: [
            {
              eventId: newId('E'),
              at: at.toISOString(),
              action: 'REVERSE',
              actor: request.actor,
              entityType: 'voucher',
              entityId: decided.voucher.voucherId,
              requestId: request.requestId,
              amountCents: decided.redemption.amountCents,
              balanceBeforeCents: decided.voucher.balanceCents,
              balanceAfterCents: decided.balanceAfterCents,
              details: { redemptionId, reversalId, merchantId: request.principal.merchantId },
            },
          ],
          idempotencyRecord: idempotency.recordItem(scope, { statusCode: 201, body: answer }, at),
        });
        return { outcome, answer };
      });
      if (!result.replayed) metric('ReversalAccepted');
      return result.answer;
    },

    /** The shop's own redemptions between two Brussels days (default: today), with the total not cancelled. */
    async listForMerchant(
      merchantId: string,
      range: { from?: CalendarDate | undefined; to?: CalendarDate | undefined },
    ) {
      const at = now();
      const today = brusselsDateOf(at);
      const to = range.to ?? range.from ?? today;
      const from = range.from ?? to;
      if (addDays(from, MAX_LIST_DAYS) < to) {
        throw new DomainError('VALIDATION_FAILED', `Ask for at most ${MAX_LIST_DAYS} days at a time.`);
      }
      const redemptions = await ledger.merchantRedemptions(merchantId, from, to);
      const windows = new Map<string, number | undefined>();
      for (const campaignId of new Set(redemptions.map((r) => r.campaignId))) {
        windows.set(campaignId, (await campaigns.get(campaignId))?.reversalWindowHours);
      }
      const items = redemptions.map((r) => ({
        redemptionId: r.redemptionId,
        reference: redemptionReference(r.redemptionId),
        amountCents: r.amountCents,
        createdAt: brusselsTimestamp(new Date(r.createdAt)),
        businessDate: r.businessDate,
        status: r.status,
        settled: r.settlementId !== undefined,
        reversible:
          r.status === 'ACTIVE' &&
          r.settlementId === undefined &&
          at.getTime() <= reversalDeadline(r, windows.get(r.campaignId)).getTime(),
      }));
      const active = items.filter((item) => item.status === 'ACTIVE');
      return {
        from,
        to,
        items,
        totalCents: active.reduce((sum, item) => sum + item.amountCents, 0),
        count: active.length,
      };
    },
  };
}

export type RedemptionService = ReturnType<typeof createRedemptionService>;
