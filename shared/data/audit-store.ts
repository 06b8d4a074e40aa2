/** Reads audit events (they are written by the ledger's own transactions, never on their own). */
import type { AuditEvent } from '../ledger/audit-event.ts';
import { auditKeys } from './keys.ts';
import { queryAll, type TableContext, withoutKeys } from './table.ts';

export function createAuditStore(table: TableContext) {
  return {
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
