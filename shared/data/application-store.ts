/**
 * Applications. Each change is a whole-item put conditional on the status that was read, written in one
 * transaction with the person it concerns (its open application, its approval) and its audit event.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationStatus } from '../applications/application.ts';
import { applicationKeys } from './keys.ts';
import { type TableContext, withoutKeys } from './table.ts';
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
    async get(applicationId: string): Promise<Application | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: tableName, Key: applicationKeys.item(applicationId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<Application>(result.Item) : undefined;
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

    /** A campaign's applications in one status, oldest first (the review queue). */
    async listByStatus(campaignId: string, status: ApplicationStatus, limit = 200): Promise<Application[]> {
      const result = await table.doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': applicationKeys.byCampaignStatus(campaignId, status) },
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map((item) => withoutKeys<Application>(item));
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
