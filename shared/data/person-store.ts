/**
 * People of a campaign's register. Every write is conditional on the version that was read, so an import,
 * an application decision and a concurrent import never overwrite each other's changes unseen.
 */
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isIssuable, type Person } from '../people/person.ts';
import { personKeys } from './keys.ts';
import { isConditionalCheckFailed, type TableContext, withoutKeys } from './table.ts';

/** The stored item: keys, and the issuable index only while issuance should serve the person. */
export function personItem(person: Person): Record<string, unknown> {
  return {
    ...personKeys.item(person.campaignId, person.personRef),
    type: 'Person',
    ...(isIssuable(person)
      ? {
          gsi1pk: personKeys.issuable(person.campaignId),
          gsi1sk: personKeys.issuableSort(person.householdRef, person.personRef),
        }
      : {}),
    ...person,
  };
}

/** The condition that makes a write of `person` safe: nobody wrote it since `expectedVersion` was read. */
export function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
}

const BATCH_GET_LIMIT = 100;

export function createPersonStore(table: TableContext) {
  return {
    async get(campaignId: string, personRef: string): Promise<Person | undefined> {
      const result = await table.doc.send(
        new GetCommand({
          TableName: table.tableName,
          Key: personKeys.item(campaignId, personRef),
          ConsistentRead: true,
        }),
      );
      return result.Item ? withoutKeys<Person>(result.Item) : undefined;
    },

    /** The stored people among `personRefs` (at most 100), by reference. */
    async getMany(campaignId: string, personRefs: readonly string[]): Promise<Map<string, Person>> {
      if (personRefs.length > BATCH_GET_LIMIT) throw new Error(`getMany takes at most ${BATCH_GET_LIMIT} people`);
      const found = new Map<string, Person>();
      let keys: Record<string, unknown>[] = [...new Set(personRefs)].map((ref) => personKeys.item(campaignId, ref));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const result = await table.doc.send(
          new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of result.Responses?.[table.tableName] ?? []) {
          const person = withoutKeys<Person>(item);
          found.set(person.personRef, person);
        }
        // Unprocessed keys come back under load: ask again, with a growing pause.
        keys = (result.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
      return found;
    },

    /** Writes `person` if nobody changed it since `expectedVersion` (undefined: if it does not exist yet). */
    async save(person: Person, expectedVersion: number | undefined): Promise<boolean> {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.tableName,
            Item: personItem(person),
            ...versionCondition(expectedVersion),
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    /** Every person of the campaign, page by page (a town's register: thousands, read once per import). */
    async *all(campaignId: string): AsyncGenerator<Person[]> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await table.doc.send(
          new QueryCommand({
            TableName: table.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': personKeys.partition(campaignId) },
            ExclusiveStartKey: startKey,
            ConsistentRead: true,
          }),
        );
        yield (page.Items ?? []).map((item) => withoutKeys<Person>(item));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    },

    /** The people issuance serves, household by household, a page at a time (eventually consistent index). */
    async issuablePage(
      campaignId: string,
      startKey: Record<string, unknown> | undefined,
      limit = 100,
    ): Promise<{ people: Person[]; nextKey: Record<string, unknown> | undefined }> {
      const page = await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': personKeys.issuable(campaignId) },
          ExclusiveStartKey: startKey,
          Limit: limit,
        }),
      );
      return { people: (page.Items ?? []).map((item) => withoutKeys<Person>(item)), nextKey: page.LastEvaluatedKey };
    },
  };
}

export type PersonStore = ReturnType<typeof createPersonStore>;
