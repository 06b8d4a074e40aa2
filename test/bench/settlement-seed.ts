/**
 * Bulk data for the settlement bench, written straight with BatchWriteItem (not through the API): shops with
 * valid synthetic IBANs and ACTIVE unsettled redemptions of yesterday, built by the stores' own item
 * builders so that the keys are exactly those a settlement run reads.
 */
import { syntheticBelgianIban } from '../../infra/local/seed/demo-merchants.ts';
import { redemptionItem } from '../../shared/data/ledger-store.ts';
import { merchantItem } from '../../shared/data/merchant-store.ts';
import { batchWriteAll, type Item, type TableContext } from '../../shared/data/table.ts';
import { newId } from '../../shared/ids.ts';
import type { Redemption } from '../../shared/ledger/redemption.ts';
import { brusselsDateOf } from '../../shared/time/calendar-date.ts';

export interface SeededShop {
  readonly merchantId: string;
  readonly redemptionIds: string[];
  amountCents: number;
}

export interface SeededSet {
  readonly shops: readonly SeededShop[];
  readonly redemptions: number;
  readonly amountCents: number;
}

/** BatchWriteItem requests in flight while seeding: DynamoDB Local takes these without throttling. */
const WRITERS = 8;
const DAY_MS = 24 * 3600 * 1000;

/** Writes `items`, 25 per BatchWriteItem and `WRITERS` requests at a time, never holding them all at once. */
async function writeAll(table: TableContext, items: Iterator<Item>): Promise<void> {
  const writer = async () => {
    for (;;) {
      const chunk: Item[] = [];
      while (chunk.length < 25) {
        const next = items.next();
        if (next.done) break;
        chunk.push(next.value);
      }
      if (chunk.length === 0) return;
      await batchWriteAll(
        table,
        chunk.map((put) => ({ put })),
      );
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

/**
 * `redemptions` ACTIVE, unsettled redemptions of yesterday, dealt round-robin over `shops` shops whose ids
 * start with `prefix`. With `merchants`, the shops themselves too (each with an IBAN), so that a settlement
 * run lists them; without, the redemptions belong to shops no run knows (the raw floor's own data).
 */
export async function seedRedemptions(
  table: TableContext,
  options: { prefix: string; shops: number; redemptions: number; merchants: boolean },
): Promise<SeededSet> {
  const createdAt = new Date().toISOString();
  const shops: SeededShop[] = Array.from({ length: options.shops }, (_, index) => ({
    merchantId: `${options.prefix}${String(index).padStart(4, '0')}`,
    redemptionIds: [],
    amountCents: 0,
  }));
  if (options.merchants) {
    const merchantItems = shops.map((shop, index) =>
      merchantItem({
        merchantId: shop.merchantId,
        name: `Commerce de banc n° ${index + 1}`,
        category: 'other',
        address: { street: 'Rue du Banc', number: String(index + 1), postcode: '7300', locality: 'Boussu' },
        iban: syntheticBelgianIban(990, 2_000_000 + index * 7919),
        email: `${shop.merchantId.toLowerCase()}@bench.invalid`,
        status: 'ACTIVE',
        createdAt,
        updatedAt: createdAt,
        version: 1,
      }),
    );
    await writeAll(table, merchantItems.values());
  }

  // From this time yesterday, over 12 hours: all before any cut-off of now, in the order a run reads them.
  const firstAt = Date.now() - DAY_MS;
  const spacingMs = (12 * 3600 * 1000) / Math.max(1, options.redemptions);
  let amountCents = 0;
  function* redemptionItems(): Generator<Item> {
    for (let index = 0; index < options.redemptions; index++) {
      const shop = shops[index % shops.length];
      if (!shop) return;
      const at = new Date(firstAt + index * spacingMs);
      const amount = 1 + ((index * 7919) % 9999);
      const redemption: Redemption = {
        redemptionId: newId('R'),
        voucherId: newId('V'),
        campaignId: 'bench-settlement',
        merchantId: shop.merchantId,
        amountCents: amount,
        balanceAfterCents: 10_000 - amount,
        createdAt: at.toISOString(),
        businessDate: brusselsDateOf(at),
        status: 'ACTIVE',
      };
      shop.redemptionIds.push(redemption.redemptionId);
      shop.amountCents += amount;
      amountCents += amount;
      yield redemptionItem(redemption);
    }
  }
  await writeAll(table, redemptionItems());
  return { shops, redemptions: options.redemptions, amountCents };
}
