/**
 * Partner shops in the back office: onboarding (idempotent without a key: the id is derived from the request),
 * changes decided again on fresh reads when another change won the race, and enrolment in campaigns. Every
 * write is audited in its own transaction; what goes out is masked according to who asks.
 */
import type { CreateMerchantBody, MerchantView, UpdateMerchantBody } from '../api/merchants.ts';
import type { Role } from '../auth/roles.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { requestHash } from '../data/idempotency-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import type { PageRequest, TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { CROCKFORD_ALPHABET, toBase32 } from '../encoding/base32.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor, AuditAction, AuditEvent } from '../ledger/audit-event.ts';
import { compareMerchantNames, type Enrolment, enrolmentIn, type Merchant } from '../merchants/merchant.ts';
import { changeDetails, creationDetails } from '../merchants/merchant-audit.ts';
import { changeMerchant, type MerchantDetails, merchantDetailsOf, newMerchant } from '../merchants/merchant-input.ts';
import { merchantView } from '../merchants/merchant-view.ts';

/** Who asks: the audited actor, every role they hold (finance and admin see full IBANs), the request. */
export interface MerchantCaller {
  readonly actor: Actor;
  readonly roles: readonly Role[];
  readonly requestId: string;
}

/**
 * `M` + 16 Crockford characters (80 bits) of the hash of the checked details, shaped like newId('M'). POST
 * /merchants takes no Idempotency-Key, so a retried or double-clicked creation must find the shop it already
 * made; details are hashed after normalisation, so `BE68 5390…` and `be685390…` are the same request.
 */
export function merchantIdFor(details: MerchantDetails): string {
  const hash = Buffer.from(requestHash('createMerchant', details), 'hex').subarray(0, 10);
  return `M${toBase32(hash, CROCKFORD_ALPHABET)}`;
}

/** Each lost round means another write succeeded; past this many, the caller is told to try again. */
const MAX_ROUNDS = 10;

export function createMerchantService(deps: { readonly table: TableContext; readonly now: () => Date }) {
  const merchants = createMerchantStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);

  const audit = (
    action: AuditAction,
    merchantId: string,
    caller: MerchantCaller,
    at: string,
    details: AuditEvent['details'],
  ) =>
    audits.recordItem({
      eventId: newId('E'),
      at,
      action,
      actor: caller.actor,
      entityType: 'merchant',
      entityId: merchantId,
      requestId: caller.requestId,
      ...(details ? { details } : {}),
    });

  const existing = async (merchantId: string): Promise<Merchant> => {
    const merchant = await merchants.get(merchantId);
    if (!merchant) throw new DomainError('MERCHANT_NOT_FOUND', `There is no shop ${merchantId}.`);
    return merchant;
  };

  const busy = (merchantId: string) =>
    new DomainError('CONFLICT', `Shop ${merchantId} is being changed by someone else right now: try again.`);

  return {
    /** Onboards a shop, active at once; the same request again answers the same shop (as it is now). */
    async create(body: CreateMerchantBody, caller: MerchantCaller): Promise<MerchantView> {
      const details = merchantDetailsOf(body);
      const at = deps.now().toISOString();
      const merchant = newMerchant(details, merchantIdFor(details), at);
      const outcome = await transactWrite(deps.table, {
        merchant: merchants.createItem(merchant),
        audit: audit('CREATE_MERCHANT', merchant.merchantId, caller, at, creationDetails(merchant)),
      });
      const stored = outcome.committed ? merchant : await existing(merchant.merchantId);
      return merchantView(stored, caller.roles);
    },

    /** A page of the shops by name (the list index's order; within the page, by the French collation). */
    async list(
      roles: readonly Role[],
      request: PageRequest,
    ): Promise<{ items: MerchantView[]; nextCursor: string | null }> {
      const page = await merchants.page(request);
      return {
        items: page.items.sort(compareMerchantNames).map((merchant) => merchantView(merchant, roles)),
        nextCursor: page.nextCursor,
      };
    },

    async get(merchantId: string, roles: readonly Role[]): Promise<MerchantView> {
      return merchantView(await existing(merchantId), roles);
    },

    /**
     * Changes what the PATCH names (audited; nothing written when nothing changes). Deactivation is immediate:
     * every redemption checks the shop's status in its own transaction.
     */
    async update(merchantId: string, body: UpdateMerchantBody, caller: MerchantCaller): Promise<MerchantView> {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const current = await existing(merchantId);
        const at = deps.now().toISOString();
        const { merchant, changed } = changeMerchant(current, body, at);
        if (changed.length === 0) return merchantView(current, caller.roles);
        const outcome = await transactWrite(deps.table, {
          merchant: merchants.saveItem(merchant, current.version),
          audit: audit('UPDATE_MERCHANT', merchantId, caller, at, changeDetails(current, merchant, changed)),
        });
        if (outcome.committed) return merchantView(merchant, caller.roles);
        // Another change was written since the read: apply this one to what it left.
      }
      throw busy(merchantId);
    },

    /** Enrols the shop in a campaign (audited once); asking again answers the enrolment that exists. */
    async enrol(merchantId: string, campaignId: string, caller: MerchantCaller): Promise<Enrolment> {
      await existing(merchantId);
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const campaign = await campaigns.get(campaignId);
        if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
        const enrolled = await merchants.getEnrolment(merchantId, campaignId);
        if (enrolled) return enrolled;
        const at = deps.now().toISOString();
        const enrolment = enrolmentIn(campaign, merchantId, at);
        const outcome = await transactWrite(deps.table, {
          ...merchants.enrolmentParts(enrolment),
          audit: audit('ENROL_MERCHANT', merchantId, caller, at, { campaignId }),
        });
        if (outcome.committed) return enrolment;
        // Enrolled by a concurrent request (the next round answers it), or the campaign was extended meanwhile
        // (the next round copies its new dates).
      }
      throw busy(merchantId);
    },
  };
}

export type MerchantService = ReturnType<typeof createMerchantService>;
