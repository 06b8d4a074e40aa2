
import type { Campaign } from '../campaigns/campaign.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import { campaignKeys } from '../data/keys.ts';
import { auditItem, putNew } from '../data/ledger-items.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import { type CalendarDate, formatFrenchDate } from '../time/calendar-date.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';

export function createCampaignService(deps: Pick<LedgerDependencies, 'table' | 'now'>) {
  const campaigns = createCampaignStore(deps.table);
  const { tableName } = deps.table;

  return {
    async extend(campaignId: string, endDate: CalendarDate, actor: Actor, requestId: string): Promise<Campaign> {
      for (;;) {
        const campaign = await campaigns.get(campaignId);
        if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
        if (endDate === campaign.endDate) return campaign;
        if (endDate < campaign.endDate) {
          throw new DomainError(
            'END_DATE_NOT_LATER',
            `The campaign already runs until ${formatFrenchDate(campaign.endDate)}, as the letters say: it can only be extended.`,
            { endDate: campaign.endDate },
          );
        }
        const at = deps.now().toISOString();
        const outcome = await transactWrite(deps.table, [
          {
            Update: {
              TableName: tableName,
              Key: campaignKeys.item(campaignId),
              UpdateExpression: 'SET endDate = :new',
              ConditionExpression: 'endDate = :current',
              ExpressionAttributeValues: { ':new': endDate, ':current': campaign.endDate },
            },
          },
          putNew(
            tableName,
            auditItem({
              eventId: newId('E'),
              at,
              action: 'EXTEND_CAMPAIGN',
              actor,
              entityType: 'campaign',
              entityId: campaignId,
              requestId,
              details: { from: campaign.endDate, to: endDate },
            }),
          ),
        ]);
        if (outcome.committed) return { ...campaign, endDate };
        // Someone else changed the end date meanwhile: decide again on the new value.
      }
    },
  };
}
