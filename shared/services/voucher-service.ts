/**
 * Issuing vouchers and replacing a lost one. The clear code exists only in memory here and in the answer
 * to the caller (the seed, the issuance run that hands it to the letter pipeline, or the staff member who
 * prints a replacement letter); the table keeps the keyed hash only.
 */
import type { Campaign } from '../campaigns/campaign.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createIdempotencyStore, requestHash } from '../data/idempotency-store.ts';
import { createLedgerStore } from '../data/ledger-store.ts';
import { createVoucherStore, type IssueOutcome } from '../data/voucher-store.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import {
  LETTER_MANIFEST_CONTENT_TYPE,
  letterManifestKey,
  manifestLine,
  toJsonLines,
} from '../letters/letter-manifest.ts';
import { newVoucherCode, voucherIdForCode } from '../vouchers/code-hash.ts';
import { sealCode } from '../vouchers/code-seal.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { idempotentWrite } from './idempotent-write.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';

export interface IssueRequest {
  readonly campaign: Pick<Campaign, 'campaignId' | 'faceValueCents' | 'budgetCents'>;
  readonly beneficiaryRef: string;
  readonly householdRef: string;
  readonly actor: Actor;
  readonly requestId: string;
}

export type IssueResult =
  | {
      readonly outcome: 'ISSUED';
      readonly voucher: Voucher /** Clear code: hand it on, never store it. */;
      readonly code: string;
    }
  | { readonly outcome: Exclude<IssueOutcome, 'ISSUED' | 'CODE_COLLISION'> };

export interface PlannedVoucher {
  readonly voucher: Voucher;
  /** Clear code: seal it or hand it on, never store it. */
  readonly code: string;
}

/**
 * What staff learn of a replacement: never its code. The code exists only sealed in the letter manifest and
 * printed in the letter the next letter run sends to the family, so no one person can void a voucher and
 * walk away with a spendable code (both steps are audited).
 */
export interface ReissueAnswer {
  readonly voucherId: string;
  readonly replacedVoucherId: string;
  readonly balanceCents: number;
  readonly validUntil: string;
  /** Where the new code goes: the campaign's next letter run. */
  readonly replacementLetter: 'NEXT_LETTER_RUN';
}

export interface VoucherServiceDependencies extends LedgerDependencies {
  /** Where a replacement's letter is handed to the letter pipeline (its manifest): void-and-reissue needs it. */
  readonly documents?: DocumentStore;
}

export function createVoucherService(deps: VoucherServiceDependencies) {
  const { table, codeKey, now } = deps;
  const vouchers = createVoucherStore(table);
  const campaigns = createCampaignStore(table);
  const ledger = createLedgerStore(table);
  const idempotency = createIdempotencyStore(table);

  return {
    /**
     * Draws a code and the voucher it would create; nothing is written. Callers that hand codes to the letter
     * pipeline write the sealed code to the manifest first and issue after (issuePlanned), so a crash in
     * between can leave a manifest line without a voucher (the pipeline skips it), never a voucher whose
     * code is lost.
     */
    plan(request: IssueRequest): PlannedVoucher {
      const code = newVoucherCode();
      return {
        code,
        voucher: {
          voucherId: voucherIdForCode(codeKey, code),
          campaignId: request.campaign.campaignId,
          beneficiaryRef: request.beneficiaryRef,
          householdRef: request.householdRef,
          faceValueCents: request.campaign.faceValueCents,
          balanceCents: request.campaign.faceValueCents,
          status: 'ACTIVE',
          issuedAt: now().toISOString(),
        },
      };
    },

    /** Issues a planned voucher. A code collision (not expected in the life of the universe) throws. */
    async issuePlanned(planned: PlannedVoucher, request: IssueRequest): Promise<IssueResult> {
      const { voucher, code } = planned;
      const outcome = await vouchers.issue(voucher, request.campaign.budgetCents, {
        eventId: newId('E'),
        at: voucher.issuedAt,
        action: 'ISSUE',
        actor: request.actor,
        entityType: 'voucher',
        entityId: voucher.voucherId,
        requestId: request.requestId,
        amountCents: voucher.faceValueCents,
        balanceAfterCents: voucher.balanceCents,
        details: { campaignId: voucher.campaignId },
      });
      if (outcome === 'CODE_COLLISION') throw new Error(`Voucher code collision on ${voucher.voucherId}`);
      return outcome === 'ISSUED' ? { outcome, voucher, code } : { outcome };
    },

    /** Plans and issues in one go, for callers that keep the code themselves (the seed, tests). */
    async issue(request: IssueRequest): Promise<IssueResult> {
      return this.issuePlanned(this.plan(request), request);
    },

    /**
     * Voids a voucher (lost or stolen letter) and issues its remaining balance under a new code, which goes
     * only to the replacement letter (see ReissueAnswer).
     */
    async voidAndReissue(
      request: { actor: Actor; userId: string; idempotencyKey: string; requestId: string },
      voucherId: string,
    ): Promise<ReissueAnswer> {
      const scope = {
        userId: request.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('voidAndReissue', { voucherId }),
      };
      const { documents } = deps;
      if (!documents) throw new Error('void-and-reissue needs the documents store: the new code has no other way out');
      const result = await idempotentWrite<ReissueAnswer>(idempotency, scope, now, async ({ budgetMs }) => {
        const voucher = await vouchers.get(voucherId);
        if (!voucher) throw new DomainError('VOUCHER_NOT_FOUND', `There is no voucher ${voucherId}.`);
        if (voucher.status === 'VOIDED') {
          throw new DomainError(
            'VOUCHER_VOIDED',
            `This voucher was already voided; its replacement is ${voucher.replacedByVoucherId ?? 'unknown'}.`,
            {
              replacedByVoucherId: voucher.replacedByVoucherId,
            },
          );
        }
        const campaign = await campaigns.get(voucher.campaignId);
        if (!campaign) throw new Error(`Voucher of unknown campaign ${voucher.campaignId}`);
        const at = now().toISOString();
        const code = newVoucherCode();
        const replacement: Voucher = {
          voucherId: voucherIdForCode(codeKey, code),
          campaignId: voucher.campaignId,
          beneficiaryRef: voucher.beneficiaryRef,
          householdRef: voucher.householdRef,
          faceValueCents: voucher.balanceCents,
          balanceCents: voucher.balanceCents,
          status: 'ACTIVE',
          issuedAt: at,
          replacesVoucherId: voucher.voucherId,
        };
        const answer: ReissueAnswer = {
          voucherId: replacement.voucherId,
          replacedVoucherId: voucher.voucherId,
          balanceCents: replacement.balanceCents,
          validUntil: campaign.endDate,
          replacementLetter: 'NEXT_LETTER_RUN',
        };
        // The replacement's letter: its sealed code goes to the letter manifest before the voucher exists (as
        // issuance does), so the next letter run prints it; an attempt that loses leaves a line it skips.
        await documents.put(
          letterManifestKey(voucher.campaignId, `reissue-${replacement.voucherId.slice(1, 13)}`, 1, 'reissue'),
          toJsonLines([manifestLine(replacement, sealCode(codeKey, code))]),
          LETTER_MANIFEST_CONTENT_TYPE,
        );
        const common = { actor: request.actor, requestId: request.requestId, at, amountCents: voucher.balanceCents };
        const outcome = await ledger.voidAndReissue({
          voucher,
          replacement,
          voidedAt: at,
          audit: [
            {
              ...common,
              eventId: newId('E'),
              action: 'VOID',
              entityType: 'voucher',
              entityId: voucher.voucherId,
              balanceBeforeCents: voucher.balanceCents,
              balanceAfterCents: 0,
              details: { replacedByVoucherId: replacement.voucherId },
            },
            {
              ...common,
              eventId: newId('E'),
              action: 'REISSUE',
              entityType: 'voucher',
              entityId: replacement.voucherId,
              balanceBeforeCents: 0,
              balanceAfterCents: replacement.balanceCents,
              details: { replacesVoucherId: voucher.voucherId },
            },
          ],
          idempotencyRecord: idempotency.recordItem(scope, { statusCode: 201, body: answer }, now()),
          budgetMs,
        });
        return { outcome, answer };
      });
      return result.answer;
    },
  };
}

export type VoucherService = ReturnType<typeof createVoucherService>;
