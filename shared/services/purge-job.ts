/**
 * Deletes a campaign's personal data on its purge date (people, applications and proofs, import reports,
 * letters), once, and letters past their retention; vouchers, redemptions, settlements and audit events stay.
 * It keeps no run record and needs no lease: every step is safe to run again (deleting what is already gone
 * deletes nothing, and the campaign is marked purged only after its data went, conditionally, once), so a
 * worker that dies mid-purge (it lands in the jobs' failure queue, and the alarm rings) is simply finished by
 * the next day's run or by invoking the function again; that run's audit counts what was left to delete.
 */
import { type Campaign, LETTER_RETENTION_DAYS, purgeDateOf } from '../campaigns/campaign.ts';
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
      `letters/runs/${campaignId}/`,
      `letters/${campaignId}/`,
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

  /**
   * The print-ready letters hold spendable codes: each is deleted once it is older than its campaign's
   * letter retention (the print shop has long printed it by then). Returns how many went.
   */
  async function expireLetters(campaign: Campaign): Promise<number> {
    const retentionDays = campaign.letterRetentionDays ?? LETTER_RETENTION_DAYS;
    const before = deps.now().getTime() - retentionDays * 86_400_000;
    let expired = 0;
    for (const object of await deps.documents.listObjects(`letters/${campaign.campaignId}/`)) {
      if (object.lastModified.getTime() >= before) continue;
      await deps.documents.delete(object.key);
      expired++;
    }
    return expired;
  }

  return {
    /**
     * Purges every campaign whose purge date is today or past and that is not purged yet, and deletes the
     * letters that outlived their campaign's retention.
     */
    async run(): Promise<{ purged: PurgeOutcome[]; lettersExpired: Array<{ campaignId: string; documents: number }> }> {
      const today = brusselsDateOf(deps.now());
      const all = await campaigns.list();
      const due = all.filter(
        (campaign) => !(campaign as Campaign & { purgedAt?: string }).purgedAt && purgeDateOf(campaign) <= today,
      );
      const purged: PurgeOutcome[] = [];
      for (const campaign of due) purged.push(await purge(campaign));
      const lettersExpired = [];
      for (const campaign of all) {
        const documents = await expireLetters(campaign);
        if (documents > 0) lettersExpired.push({ campaignId: campaign.campaignId, documents });
      }
      return { purged, lettersExpired };
    },
  };
}
