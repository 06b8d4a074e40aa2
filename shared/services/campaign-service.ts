/**
 * Creating campaigns (idempotent without a key: the id is derived from the request) and extending them
 * (forward only, audited, every shop's copy of the dates moved in the same transaction as the campaign).
 */
import { type Campaign, type CampaignInput, purgeDateOf } from '../campaigns/campaign.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { requestHash } from '../data/idempotency-store.ts';
import { sortableName } from '../data/keys.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { type CalendarDate, formatFrenchDate } from '../time/calendar-date.ts';
import { decisionDeadline } from './decision-deadline.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';

/**
 * `cheque-commerce-jeunesse-2026-` + 12 characters of the request's hash: readable, unique, repeatable. A
 * retried or double-clicked creation finds the campaign it already made (POST /campaigns has no key), and two
 * different campaigns never share an id.
 */
export function campaignIdFor(input: CampaignInput): string {
  const slug = sortableName(input.name).replaceAll(' ', '-').slice(0, 40).replace(/-+$/, '');
  const hash = requestHash('createCampaign', input).slice(0, 12);
  return slug ? `${slug}-${hash}` : `campaign-${hash}`;
}

/** DynamoDB takes 100 items per transaction: the campaign, its audit event and 98 shops at most. */
const SHOPS_PER_TRANSACTION = 98;

export function createCampaignService(deps: Pick<LedgerDependencies, 'table' | 'now'>) {
  const campaigns = createCampaignStore(deps.table);
  const merchants = createMerchantStore(deps.table);
  const audits = createAuditStore(deps.table);
  const enrolmentUpdate = (merchantId: string, campaignId: string, endDate: CalendarDate) =>
    merchants.enrolmentEndDateItem(merchantId, campaignId, endDate);

  return {
    /** Creates the campaign, or finds the one this same request created before (see the module comment). */
    async create(input: CampaignInput, actor: Actor, requestId: string): Promise<Campaign> {
      const at = deps.now().toISOString();
      const campaign: Campaign = {
        ...input,
        campaignId: campaignIdFor(input),
        purgeDate: purgeDateOf(input),
        createdAt: at,
      };
      const outcome = await transactWrite(deps.table, {
        campaign: campaigns.createItem(campaign),
        audit: audits.recordItem({
          eventId: newId('E'),
          at,
          action: 'CREATE_CAMPAIGN',
          actor,
          entityType: 'campaign',
          entityId: campaign.campaignId,
          requestId,
          amountCents: campaign.budgetCents,
          details: { name: campaign.name, faceValueCents: campaign.faceValueCents },
        }),
      });
      if (outcome.committed) return campaign;
      const existing = await campaigns.get(campaign.campaignId);
      if (!existing) throw new Error(`Campaign ${campaign.campaignId} refused but not found`);
      return existing;
    },

    /**
     * Only forward (never earlier than what letters already promise). Asking again for the current end date
     * repairs any shop's copy left behind: a town with more than 98 shops needs several transactions, and a
     * crash could fall between two of them.
     */
    async extend(campaignId: string, endDate: CalendarDate, actor: Actor, requestId: string): Promise<Campaign> {
      const deadline = decisionDeadline();
      for (;;) {
        deadline.nextRound();
        const campaign = await campaigns.get(campaignId);
        if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
        if (endDate < campaign.endDate) {
          throw new DomainError(
            'END_DATE_NOT_LATER',
            `The campaign already runs until ${formatFrenchDate(campaign.endDate)}, as the letters say: it can only be extended.`,
            { endDate: campaign.endDate },
          );
        }
        const behind = (await merchants.enrolments(campaignId)).filter(
          (enrolment) => enrolment.campaignEndDate < endDate,
        );
        if (endDate === campaign.endDate) {
          // Already extended: bring any copy left behind up to date, one transaction per chunk of shops.
          for (let start = 0; start < behind.length; start += SHOPS_PER_TRANSACTION) {
            const chunk = behind.slice(start, start + SHOPS_PER_TRANSACTION);
            await deadline.transact(deps.table, {
              shops: chunk.map((e) => enrolmentUpdate(e.merchantId, campaignId, endDate)),
            });
          }
          return campaign;
        }
        const outcome = await deadline.transact(deps.table, {
          campaign: campaigns.extendItem(campaignId, {
            from: campaign.endDate,
            to: endDate,
            // The personal data stays as long after the new end as it would have after the old one.
            purgeDate: purgeDateOf({ endDate, purgeDate: purgeDateOf(campaign) }),
          }),
          audit: audits.recordItem({
            eventId: newId('E'),
            at: deps.now().toISOString(),
            action: 'EXTEND_CAMPAIGN',
            actor,
            entityType: 'campaign',
            entityId: campaignId,
            requestId,
            details: { from: campaign.endDate, to: endDate, shops: behind.length },
          }),
          shops: behind.slice(0, SHOPS_PER_TRANSACTION).map((e) => enrolmentUpdate(e.merchantId, campaignId, endDate)),
        });
        // Refused: the campaign or a shop's copy changed meanwhile; decide again on fresh reads.
        if (!outcome.committed) continue;
        // More shops than one transaction holds: the next round finds the campaign extended and does the rest.
        if (behind.length > SHOPS_PER_TRANSACTION) continue;
        return { ...campaign, endDate, purgeDate: purgeDateOf({ endDate, purgeDate: purgeDateOf(campaign) }) };
      }
    },
  };
}
