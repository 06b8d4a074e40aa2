/**
 * Audit events. A change writes its event in its own transaction (`recordItem`); `record` is for what changes
 * nothing but must leave a trace, such as a member of staff looking at a person's data.
 */
import type { AuditEvent } from '../ledger/audit-event.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import { auditKeys } from './keys.ts';
import { IF_ABSENT, listPage, type PageRequest, putItem, queryAll, type TableContext, withoutKeys } from './table.ts';
import { putNew, type TransactItem } from './transactions.ts';

export function auditItem(event: AuditEvent): Record<string, unknown> {
  return {
    ...auditKeys.item(event.entityType, event.entityId, event.at, event.eventId),
    type: 'AuditEvent',
    gsi1pk: auditKeys.byDay(brusselsDateOf(new Date(event.at))),
    gsi1sk: `${event.at}#${event.eventId}`,
    ...event,
  };
}

export function createAuditStore(table: TableContext) {
  return {
    /** The transaction item that records `event` with the change it describes. */
    recordItem(event: AuditEvent): TransactItem {
      return putNew(table.tableName, auditItem(event));
    },

    /** Records a look-up (a view of personal data): there is no change to share a transaction with. */
    async record(event: AuditEvent): Promise<void> {
      if (!(await putItem(table, auditItem(event), IF_ABSENT))) {
        throw new Error(`Audit event ${event.eventId} already exists`);
      }
    },

    /** A page of a Brussels day's events, newest first, counting only those `keep` accepts. */
    async forDay(day: string, request: PageRequest, keep: (event: AuditEvent) => boolean = () => true) {
      const pk = auditKeys.byDay(day);
      const page = await listPage(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
        },
        request,
        { gsi1pk: pk },
        (item) => keep(withoutKeys<AuditEvent>(item)),
      );
      return { events: page.items.map((item) => withoutKeys<AuditEvent>(item)), nextCursor: page.nextCursor };
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

export type AuditStore = ReturnType<typeof createAuditStore>;
