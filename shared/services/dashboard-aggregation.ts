/**
 * Counts ledger changes (the table's stream) into the dashboard's aggregates, each exactly once: a change's
 * marker, the households it moves and the counters it adds to are written in one transaction, so a retried
 * or replayed batch counts nothing twice and a crash between two transactions loses nothing.
 */
import { countChanges, householdId } from '../dashboard/count-changes.ts';
import { type ChangeEffect, effectOf, hasEffect, type LedgerChange } from '../dashboard/ledger-change.ts';
import { COUNTER_SHARDS, createDashboardStore, type StoredHousehold } from '../data/dashboard-store.ts';
import type { TableContext } from '../data/table.ts';
import { type TransactItem, transactWrite } from '../data/transactions.ts';

/** DynamoDB's limit of actions per TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;
/** Refusals in a row (another batch moved a household first) before the batch fails and Lambda retries it. */
const MAX_REFUSALS = 8;
/** Households kept between batches: a town has a few thousand; a bound keeps a long-lived process small. */
const HOUSEHOLD_CACHE_SIZE = 50_000;

export interface AggregationOutcome {
  readonly received: number;
  readonly counted: number;
  /** Counted before: a retried or replayed record. */
  readonly alreadyCounted: number;
  /** Changes that move no figure (a settlement marking a purchase paid, a letter printed). */
  readonly withoutEffect: number;
  readonly transactions: number;
}

interface Pending {
  readonly change: LedgerChange;
  readonly effect: ChangeEffect;
}

/** Every item a change writes, named so that the same item has the same name. */
function itemsOf({ change, effect }: Pending): string[] {
  return [
    `applied\n${change.id}`,
    ...effect.entitlements.flatMap((delta) => [
      `household\n${householdId(delta.campaignId, delta.householdRef)}`,
      `totals\n${delta.campaignId}`,
    ]),
    ...effect.sales.flatMap((delta) => [
      `totals\n${delta.campaignId}`,
      `shop\n${delta.campaignId}\n${delta.merchantId}`,
      `day\n${delta.campaignId}\n${delta.date}`,
    ]),
  ];
}

/** The longest run of changes, in stream order, whose items fit in one transaction. */
function nextChunk(pending: readonly Pending[]): Pending[] {
  const items = new Set<string>();
  const chunk: Pending[] = [];
  for (const next of pending) {
    const added = new Set(itemsOf(next).filter((item) => !items.has(item)));
    if (chunk.length > 0 && items.size + added.size > MAX_TRANSACTION_ITEMS) break;
    for (const item of added) items.add(item);
    chunk.push(next);
  }
  return chunk;
}

export interface AggregatorDependencies {
  readonly table: TableContext;
  readonly now: () => Date;
  /**
   * The counter shard this aggregator writes. One per instance (a Lambda container handles one batch at a
   * time): concurrent batches run in different containers, which rarely pick the same shard, and the
   * dashboard reads only the shards that were ever written.
   * @default a random shard
   */
  readonly shard?: number;
}

export function createDashboardAggregator(deps: AggregatorDependencies) {
  const store = createDashboardStore(deps.table);
  const shard = deps.shard ?? Math.floor(Math.random() * COUNTER_SHARDS);
  if (!Number.isInteger(shard) || shard < 0 || shard >= COUNTER_SHARDS) throw new Error(`No counter shard ${shard}`);

  /** The transaction that counts `chunk` on the households as read, and the households it leaves. */
  const countChunk = (chunk: readonly Pending[], households: ReadonlyMap<string, StoredHousehold>) => {
    const counted = countChanges(
      chunk.map(({ effect }) => effect),
      (id) => {
        const read = households.get(id);
        if (!read) throw new Error(`household ${id} was not read`);
        return read.usage;
      },
    );
    const now = deps.now();
    const counters = [
      ...[...counted.totals].map(([campaignId, delta]) =>
        store.totalsItem(campaignId, shard, delta, counted.asOf.get(campaignId)),
      ),
      ...[...counted.shops.values()].map(({ campaignId, merchantId, sales }) =>
        store.shopSalesItem(campaignId, merchantId, shard, sales),
      ),
      ...[...counted.days.values()].map(({ campaignId, date, sales }) =>
        store.daySalesItem(campaignId, date, shard, sales),
      ),
    ].filter((item): item is TransactItem => item !== undefined);
    return {
      parts: {
        applied: chunk.map(({ change }) => store.appliedItem(change.id, now)),
        households: [...counted.households].map(([id, usage]) =>
          store.householdItem(usage, households.get(id)?.version ?? 0),
        ),
        counters,
      },
      touched: counted.households,
    };
  };

  // Households as last read or written, kept between batches (a Lambda container lives on): a write on a
  // stale copy is refused by its version condition, and the household is read again.
  const households = new Map<string, StoredHousehold>();
  const remember = (id: string, household: StoredHousehold) => {
    if (households.size >= HOUSEHOLD_CACHE_SIZE) households.clear();
    households.set(id, household);
  };

  return {
    async apply(changes: readonly LedgerChange[]): Promise<AggregationOutcome> {
      const unique = [...new Map(changes.map((change) => [change.id, change])).values()];
      const effective = unique
        .map((change) => ({ change, effect: effectOf(change) }))
        .filter((pending) => hasEffect(pending.effect));
      let pending = effective;
      let alreadyCounted = 0;
      let transactions = 0;
      let refusals = 0;

      while (pending.length > 0) {
        const chunk = nextChunk(pending);
        const unread = new Map<string, { campaignId: string; householdRef: string }>();
        for (const { effect } of chunk) {
          for (const { campaignId, householdRef } of effect.entitlements) {
            const id = householdId(campaignId, householdRef);
            if (!households.has(id)) unread.set(id, { campaignId, householdRef });
          }
        }
        if (unread.size > 0) {
          for (const [id, read] of await store.households([...unread.values()])) remember(id, read);
        }

        const { parts, touched } = countChunk(chunk, households);
        // Markers are not looked up first: a record is new but for a retry, whose transaction is refused.
        const outcome = await transactWrite(deps.table, parts);
        if (outcome.committed) {
          for (const [id, usage] of touched) remember(id, { usage, version: (households.get(id)?.version ?? 0) + 1 });
          pending = pending.slice(chunk.length);
          transactions += 1;
          refusals = 0;
          continue;
        }
        refusals += 1;
        if (refusals >= MAX_REFUSALS) throw new Error(`Dashboard counters refused ${refusals} times in a row`);
        if (outcome.failed('applied')) {
          // A retried or replayed record: leave out what was counted and count the rest.
          const done = await store.appliedAmong(chunk.map(({ change }) => change.id));
          alreadyCounted += done.size;
          pending = pending.filter(({ change }) => !done.has(change.id));
        }
        // Another batch moved a household of this chunk (or the copy kept was stale): read them again.
        if (outcome.failed('households')) for (const id of touched.keys()) households.delete(id);
      }
      return {
        received: changes.length,
        counted: effective.length - alreadyCounted,
        alreadyCounted,
        withoutEffect: unique.length - effective.length,
        transactions,
      };
    },
  };
}

export type DashboardAggregator = ReturnType<typeof createDashboardAggregator>;
