/**
 * The dashboard's aggregates (keys.ts `dashboardKeys`): counters in the campaign's dashboard partition, split
 * over shards that concurrent aggregator batches pick apart; each household's usage, written on the version
 * it was read at; and the marker of every stream record counted. Only the stream aggregator writes them.
 */

import {
  type CampaignFigures,
  combineFigures,
  FIGURE_NAMES,
  type SalesFigures,
  ZERO_FIGURES,
} from '../dashboard/campaign-figures.ts';
import { householdId } from '../dashboard/count-changes.ts';
import type { AggregatedFigures } from '../dashboard/dashboard-view.ts';
import type { EntitlementUsage, HouseholdUsage } from '../dashboard/household-usage.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { dashboardKeys } from './keys.ts';
import { batchGetAll, type Item, queryAll, type TableContext } from './table.ts';
import { putIf, putNew, type TransactItem } from './transactions.ts';

/**
 * Counter items per campaign and kind. The writers are the stream's concurrent batches (one per stream shard
 * and parallelisation slot), each aggregator instance on a shard of its own choosing: ten make two of them
 * rarely meet on an item, and the read sums at most ten items per shop and per day.
 */
export const COUNTER_SHARDS = 10;

/** Lambda retries a stream record for at most its 24 hours in the stream: a week of markers is plenty. */
export const APPLIED_MARKER_TTL_SECONDS = 7 * 24 * 3600;

export interface StoredHousehold {
  readonly usage: HouseholdUsage;
  /** 0: not written yet. */
  readonly version: number;
}

/** SET and ADD clauses over placeholders: figure names are not checked against DynamoDB's reserved words. */
function counterUpdate(
  key: { pk: string; sk: string },
  tableName: string,
  set: Record<string, unknown>,
  add: Record<string, number>,
): TransactItem | undefined {
  const adds = Object.entries(add).filter(([, value]) => value !== 0);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const setClauses = Object.entries(set).map(([name, value], index) => {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  const addClauses = adds.map(([name, value], index) => {
    names[`#a${index}`] = name;
    values[`:a${index}`] = value;
    return `#a${index} :a${index}`;
  });
  if (addClauses.length === 0 && !('asOf' in set)) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${setClauses.join(', ')}${addClauses.length > 0 ? ` ADD ${addClauses.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : 0);

function addSales(into: Map<string, SalesFigures>, key: string, item: Item): void {
  const previous = into.get(key) ?? { redemptions: 0, amountCents: 0 };
  into.set(key, {
    redemptions: previous.redemptions + numberOf(item.redemptions),
    amountCents: previous.amountCents + numberOf(item.amountCents),
  });
}

export function createDashboardStore(table: TableContext) {
  const { tableName } = table;

  return {
    /** A campaign's figures: its dashboard partition in one query (strongly consistent), summed over shards. */
    async figures(campaignId: string): Promise<AggregatedFigures> {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': dashboardKeys.partition(campaignId) },
        ConsistentRead: true,
      });
      let figures: CampaignFigures = ZERO_FIGURES;
      let asOf: string | undefined;
      const byMerchant = new Map<string, SalesFigures>();
      const byDay = new Map<string, SalesFigures>();
      for (const item of items) {
        if (item.type === 'DashboardTotals') {
          const shard: Partial<Record<keyof CampaignFigures, number>> = {};
          for (const name of FIGURE_NAMES) shard[name] = numberOf(item[name]);
          figures = combineFigures(figures, shard);
          if (typeof item.asOf === 'string' && (!asOf || item.asOf > asOf)) asOf = item.asOf;
        } else if (item.type === 'DashboardShopSales') {
          addSales(byMerchant, String(item.merchantId), item);
        } else if (item.type === 'DashboardDaySales') {
          addSales(byDay, String(item.date), item);
        }
      }
      return { figures, byMerchant, byDay, ...(asOf ? { asOf } : {}) };
    },

    /** The households' usage as last written (an empty one, version 0, for a household never seen). */
    async households(
      wanted: ReadonlyArray<{ campaignId: string; householdRef: string }>,
    ): Promise<Map<string, StoredHousehold>> {
      const found = await batchGetAll(
        table,
        wanted.map((household) => dashboardKeys.household(household.campaignId, household.householdRef)),
      );
      const households = new Map<string, StoredHousehold>();
      for (const { campaignId, householdRef } of wanted) {
        households.set(householdId(campaignId, householdRef), {
          usage: { campaignId, householdRef, members: {} },
          version: 0,
        });
      }
      for (const item of found) {
        const campaignId = String(item.campaignId);
        const householdRef = String(item.householdRef);
        households.set(householdId(campaignId, householdRef), {
          usage: { campaignId, householdRef, members: item.members as Record<string, EntitlementUsage> },
          version: numberOf(item.version),
        });
      }
      return households;
    },

    /** Which of these stream records were counted already. */
    async appliedAmong(changeIds: readonly string[]): Promise<Set<string>> {
      const found = await batchGetAll(
        table,
        changeIds.map((id) => dashboardKeys.applied(id)),
      );
      return new Set(found.map((item) => String(item.changeId)));
    },

    /** The marker of a counted stream record; refused if it was counted already. */
    appliedItem(changeId: string, now: Date): TransactItem {
      return putNew(tableName, {
        ...dashboardKeys.applied(changeId),
        type: 'AppliedChange',
        changeId,
        appliedAt: now.toISOString(),
        expiresAt: epochSeconds(now) + APPLIED_MARKER_TTL_SECONDS,
      });
    },

    /** A household's new usage, refused if another batch wrote it since `version` was read. */
    householdItem(usage: HouseholdUsage, version: number): TransactItem {
      const item = {
        ...dashboardKeys.household(usage.campaignId, usage.householdRef),
        type: 'HouseholdUsage',
        ...usage,
        version: version + 1,
      };
      return putIf(
        tableName,
        item,
        version === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } },
      );
    },

    /** Adds to a campaign's totals in one shard; `asOf` is when the newest change counted was made. */
    totalsItem(campaignId: string, shard: number, delta: CampaignFigures, asOf?: string): TransactItem | undefined {
      return counterUpdate(
        dashboardKeys.totals(campaignId, shard),
        tableName,
        { type: 'DashboardTotals', campaignId, ...(asOf ? { asOf } : {}) },
        { ...delta },
      );
    },

    shopSalesItem(
      campaignId: string,
      merchantId: string,
      shard: number,
      delta: SalesFigures,
    ): TransactItem | undefined {
      return counterUpdate(
        dashboardKeys.merchant(campaignId, merchantId, shard),
        tableName,
        { type: 'DashboardShopSales', campaignId, merchantId },
        { ...delta },
      );
    },

    daySalesItem(campaignId: string, date: string, shard: number, delta: SalesFigures): TransactItem | undefined {
      return counterUpdate(
        dashboardKeys.day(campaignId, date, shard),
        tableName,
        { type: 'DashboardDaySales', campaignId, date },
        { ...delta },
      );
    },
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
