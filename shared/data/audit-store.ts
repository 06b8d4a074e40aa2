/**
 * Reads audit events. Changes write theirs in their own transactions, never on their own; `record` is for
 * what changes nothing but must leave a trace: a member of staff looking at a person's data.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../ledger/audit-event.ts';
import { auditKeys } from './keys.ts';
import { auditItem } from './ledger-items.ts';
import { queryAll, type TableContext, withoutKeys } from './table.ts';

export function createAuditStore(table: TableContext) {
  return {
    /** Records a look-up (a view of personal data): there is no change to share a transaction with. */
    async record(event: AuditEvent): Promise<void> {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: auditItem(event),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** The history of one voucher or campaign, oldest first. */
    async forEntity(entityType: AuditEvent['entityType'], entityId: string): Promise<AuditEvent[]> {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entityPartition(entityType, entityId) },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<AuditEvent>(item));
    },
  };
}
