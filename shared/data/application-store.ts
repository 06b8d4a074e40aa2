/**
 * Applications. Each change is a whole-item put conditional on the status that was read, written in one
 * transaction with the person it concerns (its open application, its approval) and its audit event.
 */
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../applications/application.ts';
import { applicationKeys } from './keys.ts';
import { deleteAll, getRecord, listPage, type PageRequest, type TableContext, withoutKeys } from './table.ts';
import type { TransactItem } from './transactions.ts';

export function applicationItem(application: Application): Record<string, unknown> {
  const listed = application.status !== 'AWAITING_PROOF' && application.submittedAt;
  return {
    ...applicationKeys.item(application.applicationId),
    type: 'Application',
    ...(listed
      ? {
          gsi1pk: applicationKeys.byCampaignStatus(application.campaignId, application.status),
          gsi1sk: applicationKeys.byCampaignStatusSort(application.submittedAt ?? '', application.applicationId),
        }
      : {}),
    ...application,
  };
}

export function createApplicationStore(table: TableContext) {
  const { tableName } = table;
  return {
    get(applicationId: string): Promise<Application | undefined> {
      return getRecord<Application>(table, applicationKeys.item(applicationId));
    },

    /** Writes `application` if its stored status is still `from` (undefined: if it does not exist yet). */
    saveItem(application: Application, from: ApplicationStatus | undefined): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: applicationItem(application),
          ...(from === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#status = :from',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':from': from },
              }),
        },
      };
    },

    /** Deletes every application of a campaign (the purge of personal data); returns how many. */
    async deleteAll(campaignId: string): Promise<number> {
      let deleted = 0;
      for (const status of APPLICATION_STATUSES) {
        deleted += await deleteAll(table, {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': applicationKeys.byCampaignStatus(campaignId, status) },
        });
      }
      return deleted;
    },

    /** A page of a campaign's applications in one status, oldest first (the review queue). */
    async listByStatus(
      campaignId: string,
      status: ApplicationStatus,
      request: PageRequest,
    ): Promise<{ items: Application[]; nextCursor: string | null }> {
      const pk = applicationKeys.byCampaignStatus(campaignId, status);
      const page = await listPage(
        table,
        { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': pk } },
        request,
        { gsi1pk: pk },
      );
      return { items: page.items.map((item) => withoutKeys<Application>(item)), nextCursor: page.nextCursor };
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
