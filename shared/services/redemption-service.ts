/**
 * The merchant use cases: look a voucher up, redeem an amount, cancel a redemption, list the shop's
 * redemptions. Each reads, decides with the pure rules of shared/ledger, and writes through the ledger
 * store's transactions; every write is idempotent under the caller's key.
 */
import type { RedemptionAnswer, ReversalAnswer, VoucherBalance } from '../api/merchant.ts';
import type { Principal } from '../auth/roles.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { createIdempotencyStore, type IdempotencyScope, requestHash } from '../data/idempotency-store.ts';
import { createLedgerStore, type LedgerOutcome } from '../data/ledger-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { createRedemptionReads } from '../data/redemption-reads.ts';
import type { PageRequest } from '../data/table.ts';
import { createVoucherStore } from '../data/voucher-store.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { assertValidAmount, decideRedemption, type RedemptionFacts } from '../ledger/redeem.ts';
import { type Redemption, redemptionReference } from '../ledger/redemption.ts';
import { decideReversal, reversalDeadline } from '../ledger/reverse.ts';
import { addDays, brusselsDateOf, brusselsTimestamp, type CalendarDate } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { voucherStateOn } from '../vouchers/voucher.ts';
import { createCampaignHints } from './campaign-hints.ts';
import { granted } from './granted.ts';
import { idempotentWrite, type StoredReplay } from './idempotent-write.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';
import { createVoucherLookup, type VoucherLookup } from './voucher-lookup.ts';

/** Who is asking, and under which Idempotency-Key. */
export interface WriteRequest {
  readonly principal: Principal & { readonly merchantId: string };
  readonly actor: Actor;
  readonly idempotencyKey: string;
  readonly requestId: string;
}

const MAX_LIST_DAYS = 92;

/** The facts a redemption is decided on, and the campaign's reversal window for its answer. */
type RedemptionRead = Omit<RedemptionFacts, 'amountCents' | 'today'> & { readonly windowHours: number | undefined };

export interface RedemptionServiceDependencies extends Omit<LedgerDependencies, 'codeKey'> {
  /** Needed to find a voucher by its code (look-up, redeem); the shop's own list goes without. */
  readonly codeKey?: Buffer;
}

export function createRedemptionService(deps: RedemptionServiceDependencies) {
  const { table, now, codeKey } = deps;
  const vouchers = createVoucherStore(table);
  const campaigns = createCampaignStore(table);
  const merchants = createMerchantStore(table);
  const ledger = createLedgerStore(table);
  const idempotency = createIdempotencyStore(table);
  const voucherLookup = codeKey ? createVoucherLookup({ ...deps, codeKey }) : undefined;
  const lookup = () => granted(voucherLookup, 'the voucher code key');
  const metric = deps.metric ?? (() => undefined);

  const reads = createRedemptionReads(table);
  const hints = createCampaignHints();

  /** Every miss (a typed or scanned code that finds nothing) counts against the shop. */
  const shopSubject = (merchantId: string) => ({ missKey: merchantId, describedAs: 'this shop' });

  /** Finds the voucher behind a typed or scanned code, counting every miss against the shop. */
  const findVoucher = (merchantId: string, input: string): Promise<Voucher> =>
    lookup().find(shopSubject(merchantId), input);

  /**
   * What a redemption decides on, in one BatchGetItem: the stored answer when the key (`scope`, if given)
   * was used, else the voucher (misses counted, a throttled shop refused), the shop, its enrolment and
   * the campaign's reversal window.
   */
  const readForRedemption = async (
    merchantId: string,
    plan: ReturnType<VoucherLookup['plan']>,
    scope: IdempotencyScope | undefined,
  ): Promise<RedemptionRead | StoredReplay<RedemptionAnswer>> => {
    const read = await reads.read({
      idempotencyKey: scope ? idempotency.keyOf(scope) : undefined,
      voucherId: plan.voucherId,
      missWindows: plan.missWindows,
      merchantId,
      campaignIds: hints.guess(merchantId),
    });
    const stored = scope ? idempotency.answerOf<RedemptionAnswer>(scope, read.idempotencyRecord, now()) : undefined;
    if (stored) return { stored };
    const voucher = await lookup().findIn(shopSubject(merchantId), plan.parsed, read);
    // A voucher of a campaign not guessed: its enrolment and campaign cost one more read.
    const { enrolment, campaign } =
      read.campaigns.get(voucher.campaignId) ?? (await reads.campaign(merchantId, voucher.campaignId));
    hints.remember(merchantId, voucher.campaignId);
    return { voucher, merchant: read.merchant, enrolment, windowHours: campaign?.reversalWindowHours };
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
      const plan = lookup().plan(shopSubject(merchantId), body.code);
      const scope = {
        userId: request.principal.userId,
        key: request.idempotencyKey,
        // The voucher id stands for the code: the same voucher typed or scanned is the same request, and no
        // code (not even hashed without a key) is stored in the idempotency record.
        requestHash: requestHash('redeem', {
          voucher: plan.voucherId ?? `invalid:${body.code.trim()}`,
          amountCents: body.amountCents,
        }),
      };
      // When the write is refused only because the voucher moved on (another till got there first), the
      // shop, its enrolment and the campaign have not: the next round reads the voucher alone.
      let facts: RedemptionRead | undefined;
      let last: LedgerOutcome | undefined;
      const result = await idempotentWrite<RedemptionAnswer>(
        idempotency,
        scope,
        now,
        async ({ checkKey, budgetMs }) => {
          if (facts && last?.currentVoucher && !last.failed('merchant') && !last.failed('enrolment')) {
            // Read again rather than reuse the state the refusal returned: that state is as old as the pause
            // before this round, and on a hot voucher a write pinned to it is refused again (measured by
            // `npm run bench -- hot`: with the returned state, about half the tills ran out of time).
            facts = { ...facts, voucher: (await vouchers.get(facts.voucher.voucherId)) ?? last.currentVoucher };
          } else {
            const read = await readForRedemption(merchantId, plan, checkKey ? scope : undefined);
            if ('stored' in read) return read;
            facts = read;
          }
          const { voucher, windowHours } = facts;
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
            budgetMs,
          });
          // The refusal's state is the voucher as it was a moment ago, during this request: if that state
          // already refuses (the balance ran out, it was voided), that is the answer now, with no pause and
          // no new round.
          if (last.currentVoucher)
            decideRedemption({ ...facts, voucher: last.currentVoucher, amountCents: body.amountCents, today });
          return { outcome: last, answer };
        },
        { attemptReadsKey: true },
      ).catch((error: unknown) => {
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
      const result = await idempotentWrite<ReversalAnswer>(idempotency, scope, now, async ({ budgetMs }) => {
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
          budgetMs,
        });
        return { outcome, answer };
      });
      if (!result.replayed) metric('ReversalAccepted');
      return result.answer;
    },

    /** The shop's own redemptions between two Brussels days (default: today), with the total not cancelled. */
    async listForMerchant(
      merchantId: string,
      range: { from?: CalendarDate | undefined; to?: CalendarDate | undefined } & PageRequest,
    ) {
      const at = now();
      const today = brusselsDateOf(at);
      const to = range.to ?? range.from ?? today;
      const from = range.from ?? to;
      if (addDays(from, MAX_LIST_DAYS) < to) {
        throw new DomainError('VALIDATION_FAILED', `Ask for at most ${MAX_LIST_DAYS} days at a time.`);
      }
      const page = await ledger.merchantRedemptions(merchantId, from, to, range);
      const redemptions = page.items;
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
      return {
        from,
        to,
        items,
        nextCursor: page.nextCursor,
        ...(await ledger.merchantRedemptionTotals(merchantId, from, to)),
      };
    },
  };
}

export type RedemptionService = ReturnType<typeof createRedemptionService>;
