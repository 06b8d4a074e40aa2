/**
 * The first steps of a settlement run: open (or resume) a run, then close each shop's unsettled purchases
 * into its settlement, a transaction of up to 99 purchases at a time, each marked as it is counted.
 */
import { createMerchantStore } from '../data/merchant-store.ts';
import type { SettlementStore } from '../data/settlement-store.ts';
import { REDEMPTIONS_PER_TRANSACTION, type UnsettledRedemption } from '../data/shop-settlement-store.ts';
import { transactWrite } from '../data/transactions.ts';
import { newId } from '../ids.ts';
import { structuredCommunicationFor } from '../payments/structured-communication.ts';
import type { Creditor, WaitingShop } from '../settlement/settlement.ts';
import { defaultCutoff, isAbandoned, type SettlementRun, settlementIdFor } from '../settlement/settlement-run.ts';
import { RunSupersededError, type SettlementDependencies, settlementRunStore } from './settlement-dependencies.ts';

/** What a shop's step reports to the run: settled, waiting (with why), or more to do in a next invocation. */
export type ShopOutcome =
  | { readonly merchantId: string; readonly done: true; readonly settlementId?: string; readonly waiting?: WaitingShop }
  | { readonly merchantId: string; readonly done: false };

/** Shops whose unsettled purchases are checked at once when a run opens. */
const SHOPS_IN_FLIGHT = 8;

/**
 * The run to work on: the oldest unfinished run whose execution is gone (resumed, never replaced: its
 * half-closed settlements must be finished), else a new run with `cutoff`, not written yet.
 */
export async function nextSettlementRun(
  runs: Pick<SettlementStore, 'unfinishedRuns'>,
  now: Date,
  request: { cutoff?: Date; trigger: SettlementRun['trigger']; requestedBy: string },
): Promise<{ run: SettlementRun; resumed: boolean }> {
  const abandoned = (await runs.unfinishedRuns())
    .filter((run) => isAbandoned(run, now))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (abandoned) return { run: abandoned, resumed: true };
  const run: SettlementRun = {
    runId: newId('P'),
    status: 'RUNNING',
    trigger: request.trigger,
    cutoff: (request.cutoff ?? defaultCutoff(now)).toISOString(),
    createdAt: now.toISOString(),
    createdBy: request.requestedBy,
  };
  return { run, resumed: false };
}

export function createSettlementClosing(deps: SettlementDependencies) {
  const runs = settlementRunStore(deps);
  const merchants = createMerchantStore(deps.table);

  /** A run that holds this execution's claim, or RunSupersededError. */
  const claimed = async (runId: string, executionId: string): Promise<SettlementRun> => {
    const run = await runs.claim(runId, executionId, deps.now());
    if (!run) throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
    return run;
  };

  return {
    /**
     * The execution takes the run (a new run for the daily schedule, which names none) and lists the shops
     * with purchases to close. A run past its closing (resumed while awaiting approval) has none.
     */
    async open(input: { runId?: string; executionId: string }): Promise<{ runId: string; merchantIds: string[] }> {
      const runId = input.runId ?? (await scheduledRun());
      const run = await claimed(runId, input.executionId);
      if (run.status !== 'RUNNING') return { runId, merchantIds: [] };
      const shops = await merchants.list();
      const merchantIds: string[] = [];
      for (let start = 0; start < shops.length; start += SHOPS_IN_FLIGHT) {
        const slice = shops.slice(start, start + SHOPS_IN_FLIGHT);
        const found = await Promise.all(
          slice.map(async (shop) => {
            const page = await runs.unsettledPage(shop.merchantId, run.cutoff, 1);
            // A shop whose settlement was opened by a crashed attempt is listed too: it must be closed.
            const started = await runs.getSettlement(settlementIdFor(runId, shop.merchantId));
            return page.redemptions.length > 0 || (started && !started.closedAt) ? shop.merchantId : undefined;
          }),
        );
        for (const id of found) if (id) merchantIds.push(id);
      }
      return { runId, merchantIds };
    },

    /**
     * Closes one shop's purchases of the run into its settlement. Returns `done: false` when `remainingMs`
     * runs short, so the state machine calls again (nothing is lost: what is marked is counted).
     */
    async settleShop(
      input: { runId: string; executionId: string; merchantId: string },
      remainingMs: () => number = () => Number.POSITIVE_INFINITY,
    ): Promise<ShopOutcome> {
      const { runId, merchantId } = input;
      if (!(await runs.heartbeat(runId, input.executionId, deps.now()))) {
        throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
      }
      const run = await runs.getRun(runId);
      if (run?.status !== 'RUNNING') return { merchantId, done: true };
      const merchant = await merchants.get(merchantId);
      if (!merchant) throw new Error(`Settlement run ${runId}: unknown shop ${merchantId}`);
      const settlementId = settlementIdFor(runId, merchantId);
      const started = await runs.getSettlement(settlementId);
      if (started?.closedAt) return { merchantId, done: true, settlementId };

      if (!merchant.iban && !started) {
        // Nothing can be paid without an account: the purchases stay unsettled and finance is told.
        let amountCents = 0;
        let redemptions = 0;
        let next: Record<string, unknown> | undefined;
        do {
          const page = await runs.unsettledPage(merchantId, run.cutoff, 500, next);
          for (const redemption of page.redemptions) {
            amountCents += redemption.amountCents;
            redemptions++;
          }
          next = page.nextKey;
        } while (next);
        return {
          merchantId,
          done: true,
          ...(redemptions > 0
            ? { waiting: { merchantId, merchantName: merchant.name, amountCents, redemptions, reason: 'NO_IBAN' } }
            : {}),
        };
      }

      const ref = { settlementId, runId, merchantId, runCreatedAt: run.createdAt };
      // Forward from the page just settled, never again from the start: in AWS the index lags the table, so
      // a query from the start could still list what was just marked (its transaction refused, re-read,
      // round again until the index caught up). A purchase missed by a lagging page waits for the next run.
      let next: Record<string, unknown> | undefined;
      do {
        if (remainingMs() < 30_000) return { merchantId, done: false };
        const page = await runs.unsettledPage(merchantId, run.cutoff, REDEMPTIONS_PER_TRANSACTION, next);
        if (page.redemptions.length > 0 && (await addAll(ref, page.redemptions, run.cutoff))) {
          return { merchantId, done: true, settlementId };
        }
        next = page.nextKey;
      } while (next);

      const settlement = await runs.getSettlement(settlementId);
      if (!settlement) return { merchantId, done: true };
      if (!merchant.iban) throw new Error(`Shop ${merchantId} lost its IBAN while its settlement was open`);
      const creditor: Creditor = {
        name: merchant.name,
        iban: merchant.iban,
        ...(merchant.bic ? { bic: merchant.bic } : {}),
        address: {
          street: [merchant.address.street, merchant.address.number].filter(Boolean).join(' '),
          postcode: merchant.address.postcode,
          locality: merchant.address.locality,
        },
      };
      await runs.close(settlementId, {
        creditor,
        remittanceReference: structuredCommunicationFor(settlementId),
        closedAt: deps.now().toISOString(),
      });
      deps.metric?.('SettlementsClosed');
      deps.metric?.('SettledCents', settlement.amountCents);
      return { merchantId, done: true, settlementId };
    },
  };

  /** The daily schedule names no run: it resumes an abandoned one, or opens one with the default cut-off. */
  async function scheduledRun(): Promise<string> {
    const next = await nextSettlementRun(runs, deps.now(), { trigger: 'schedule', requestedBy: 'schedule' });
    if (!next.resumed) {
      await transactWrite(deps.table, { run: runs.createRunItem(next.run) });
      deps.metric?.('SettlementRunsOpened');
    }
    return next.run.runId;
  }

  /**
   * Adds a page of purchases; when the transaction is refused because some were reversed or settled by
   * another run meanwhile, reads them again and adds the rest. True when the settlement was found closed.
   */
  async function addAll(
    ref: Parameters<typeof runs.addToSettlement>[0],
    page: readonly UnsettledRedemption[],
    cutoff: string,
  ): Promise<boolean> {
    let pending: readonly UnsettledRedemption[] = page;
    while (pending.length > 0) {
      const outcome = await runs.addToSettlement(ref, pending);
      if (outcome.committed) return false;
      if (outcome.failed('settlement')) return true;
      const now = await runs.redemptionsNow(pending.map((redemption) => redemption.redemptionId));
      pending = now.filter(
        (redemption) =>
          redemption.status === 'ACTIVE' &&
          redemption.settlementId === undefined &&
          redemption.merchantId === ref.merchantId &&
          redemption.createdAt < cutoff,
      );
    }
    return false;
  }
}

export type SettlementClosing = ReturnType<typeof createSettlementClosing>;
