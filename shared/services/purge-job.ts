/**
 * Deletes a campaign's personal data on its purge date (people, applications and proofs, import reports,
 * leftover letter manifests), once; vouchers, redemptions, settlements and audit events stay (README: "Purge").
 */
import { type Campaign, purgeDateOf } from '../campaigns/campaign.ts';
import { createApplicationStore } from '../data/application-store.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { newId } from '../ids.ts';
import { UPLOADS_PREFIX } from '../imports/register-import.ts';
import { SYSTEM_ACTOR } from '../ledger/audit-event.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';

export interface PurgeDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  readonly now: () => Date;
}

export interface PurgeOutcome {
  readonly campaignId: string;
  readonly people: number;
  readonly applications: number;
  readonly documents: number;
}

export function createPurgeJob(deps: PurgeDependencies) {
  const campaigns = createCampaignStore(deps.table);
  const people = createPersonStore(deps.table);
  const applications = createApplicationStore(deps.table);
  const audits = createAuditStore(deps.table);

  async function purge(campaign: Campaign): Promise<PurgeOutcome> {
    const { campaignId } = campaign;
    const peopleDeleted = await people.deleteAll(campaignId);
    const applicationsDeleted = await applications.deleteAll(campaignId);
    let documents = 0;
    for (const prefix of [
      `applications/${campaignId}/`,
      `imports/${campaignId}/`,
      `letters/pending/${campaignId}/`,
      `${UPLOADS_PREFIX}registers/${campaignId}/`,
    ]) {
      for (const key of await deps.documents.list(prefix)) {
        await deps.documents.delete(key);
        documents++;
      }
    }
    const at = deps.now().toISOString();
    const counts = { people: peopleDeleted, applications: applicationsDeleted, documents };
    await transactWrite(deps.table, {
      campaign: campaigns.purgedItem(campaignId, at),
      audit: audits.recordItem({
        eventId: newId('E'),
        at,
        action: 'PURGE_CAMPAIGN',
        actor: SYSTEM_ACTOR,
        entityType: 'campaign',
        entityId: campaignId,
        requestId: `purge-${brusselsDateOf(deps.now())}`,
        details: { ...counts, purgeDate: purgeDateOf(campaign) },
      }),
    });
    return { campaignId, ...counts };
  }

  return {
    /** Purges every campaign whose purge date is today or past and that is not purged yet. */
    async run(): Promise<PurgeOutcome[]> {
      const today = brusselsDateOf(deps.now());
      const due = (await campaigns.list()).filter(
        (campaign) => !(campaign as Campaign & { purgedAt?: string }).purgedAt && purgeDateOf(campaign) <= today,
      );
      const outcomes: PurgeOutcome[] = [];
      for (const campaign of due) outcomes.push(await purge(campaign));
      return outcomes;
    },
  };
}
