/**
 * People of a campaign's register. Every write is conditional on the version that was read, so an import,
 * an application decision and a concurrent import never overwrite each other's changes unseen.
 */
import { isIssuable, type Person } from '../people/person.ts';
import { personKeys } from './keys.ts';
import {
  batchGetAll,
  type Condition,
  deleteAll,
  getRecord,
  type Item,
  pages,
  putItem,
  queryPage,
  type TableContext,
  withoutKeys,
} from './table.ts';
import { putIf, type TransactItem } from './transactions.ts';

/** The stored item: keys, and the issuable index only while issuance should serve the person. */
export function personItem(person: Person): Item {
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
function versionCondition(expectedVersion: number | undefined): Condition {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
}

export function createPersonStore(table: TableContext) {
  return {
    get(campaignId: string, personRef: string): Promise<Person | undefined> {
      return getRecord<Person>(table, personKeys.item(campaignId, personRef));
    },

    /** The stored people among `personRefs`, by reference. */
    async getMany(campaignId: string, personRefs: readonly string[]): Promise<Map<string, Person>> {
      const keys = [...new Set(personRefs)].map((ref) => personKeys.item(campaignId, ref));
      const found = new Map<string, Person>();
      for (const item of await batchGetAll(table, keys)) {
        const person = withoutKeys<Person>(item);
        found.set(person.personRef, person);
      }
      return found;
    },

    /** Writes `person` if nobody changed it since `expectedVersion` (undefined: if it does not exist yet). */
    save(person: Person, expectedVersion: number | undefined): Promise<boolean> {
      return putItem(table, personItem(person), versionCondition(expectedVersion));
    },

    /** The transaction item of `save`, for a change written together with others (an application's). */
    saveItem(person: Person, expectedVersion: number | undefined): TransactItem {
      return putIf(table.tableName, personItem(person), versionCondition(expectedVersion));
    },

    /** Every person of the campaign, page by page (a town's register: thousands, read once per import). */
    async *all(campaignId: string): AsyncGenerator<Person[]> {
      const query = {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': personKeys.partition(campaignId) },
        ConsistentRead: true,
      };
      for await (const page of pages(table, query)) yield page.map((item) => withoutKeys<Person>(item));
    },

    /** Deletes every person of the campaign (the purge of personal data); returns how many. */
    deleteAll(campaignId: string): Promise<number> {
      return deleteAll(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': personKeys.partition(campaignId) },
      });
    },

    /** The people issuance serves, household by household, a page at a time (eventually consistent index). */
    async issuablePage(
      campaignId: string,
      startKey: Item | undefined,
      limit = 100,
    ): Promise<{ people: Person[]; nextKey: Item | undefined }> {
      const page = await queryPage(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': personKeys.issuable(campaignId) },
          Limit: limit,
        },
        startKey,
      );
      return { people: page.items.map((item) => withoutKeys<Person>(item)), nextKey: page.nextKey };
    },
  };
}

export type PersonStore = ReturnType<typeof createPersonStore>;
