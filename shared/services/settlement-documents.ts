/**
 * The run's documents, once every shop is closed: the SEPA payment file (pain.001.001.09, one transfer per
 * settlement), the CSV statement (one line per purchase, streamed) and the PDF summary, into the bucket.
 */
import { createMerchantStore } from '../data/merchant-store.ts';
import type { OpenSettlement } from '../data/shop-settlement-store.ts';
import type { Merchant } from '../merchants/merchant.ts';
import { buildPain001 } from '../payments/pain001.ts';
import type { Settlement, StatementLine, WaitingShop } from '../settlement/settlement.ts';
import { earliest, payoutDeadlineOf, type SettlementRun, settlementFileKeys } from '../settlement/settlement-run.ts';
import {
  type NamedSettlement,
  type SettlementSummaryInput,
  settlementTotals,
} from '../settlement/settlement-summary.ts';
import { statementHeader, statementLine } from '../settlement/statement-csv.ts';
import { renderSettlementSummary } from '../settlement/summary-pdf.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import { voucherReference } from '../vouchers/voucher.ts';
import { RunSupersededError, type SettlementDependencies, settlementRunStore } from './settlement-dependencies.ts';

/** Lines gathered into one chunk of the streamed statement (fewer, bigger writes). */
const LINES_PER_CHUNK = 500;

/** The index of settled lines lags its table by a moment: a short statement is retried, never written. */
export class StatementIncompleteError extends Error {
  override readonly name = 'StatementIncomplete';
}

export function createSettlementDocuments(deps: SettlementDependencies) {
  const runs = settlementRunStore(deps);
  const merchants = createMerchantStore(deps.table);
  const { config } = deps;

  /** The run's closed settlements with their shops' names, in the order a reader looks a shop up. */
  async function namedSettlements(runId: string): Promise<NamedSettlement[]> {
    const [settlements, shops] = await Promise.all([runs.runSettlements(runId), merchants.list()]);
    const names = new Map(shops.map((shop: Merchant) => [shop.merchantId, shop.name]));
    return settlements
      .filter((settlement): settlement is OpenSettlement & Settlement => settlement.closedAt !== undefined)
      .map((settlement) => ({ ...settlement, merchantName: names.get(settlement.merchantId) ?? settlement.merchantId }))
      .sort((a, b) => a.merchantName.localeCompare(b.merchantName, config.texts.locale, { numeric: true }));
  }

  async function* statementChunks(settlements: readonly NamedSettlement[]): AsyncGenerator<string> {
    yield statementHeader(config.texts);
    for (const settlement of settlements) {
      let lines = 0;
      for await (const page of runs.settlementRedemptions(settlement.settlementId)) {
        for (let start = 0; start < page.length; start += LINES_PER_CHUNK) {
          yield page
            .slice(start, start + LINES_PER_CHUNK)
            .map((redemption) =>
              statementLine(
                {
                  settlementId: settlement.settlementId,
                  merchantId: settlement.merchantId,
                  merchantName: settlement.merchantName,
                  redemptionId: redemption.redemptionId,
                  createdAt: redemption.createdAt,
                  amountCents: redemption.amountCents,
                  voucherReference: voucherReference(redemption.voucherId),
                } satisfies StatementLine,
                config.texts,
              ),
            )
            .join('');
        }
        lines += page.length;
      }
      if (lines !== settlement.redemptions) {
        throw new StatementIncompleteError(
          `Settlement ${settlement.settlementId} counts ${settlement.redemptions} purchases, the index shows ${lines} yet`,
        );
      }
    }
  }

  return {
    namedSettlements,

    /** The summary of a run as finance reads it (documents, mails). */
    summaryInput(run: SettlementRun, settlements: readonly NamedSettlement[]): SettlementSummaryInput {
      return {
        townName: config.townName,
        runId: run.runId,
        cutoff: run.cutoff,
        createdAt: run.createdAt,
        payoutDeadline: run.payoutDeadline ?? brusselsDateOf(new Date(run.createdAt)),
        settlements,
        waiting: run.waiting ?? [],
        totals: settlementTotals(settlements),
      };
    },

    /**
     * Records the run's figures and writes its documents; the run then awaits finance's approval. A run with
     * nothing to pay is EMPTY. Done once: a resumed run past this step finds its status moved on.
     */
    async build(input: {
      runId: string;
      executionId: string;
      waiting: readonly WaitingShop[];
    }): Promise<{ status: SettlementRun['status'] }> {
      const { runId, executionId } = input;
      const owned = () => {
        throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
      };
      if (!(await runs.heartbeat(runId, executionId, deps.now()))) owned();
      const run = await runs.getRun(runId);
      if (!run) throw new Error(`Unknown settlement run ${runId}`);
      if (run.status !== 'RUNNING') return { status: run.status };
      const settlements = await namedSettlements(runId);
      if (settlements.length === 0) {
        if (!(await runs.markEmpty(runId, executionId, deps.now(), input.waiting))) owned();
        return { status: 'EMPTY' };
      }
      const totals = settlementTotals(settlements);
      const oldest = earliest(settlements.map((settlement) => settlement.oldestRedemptionAt)) ?? run.cutoff;
      const closing = {
        totalCents: totals.amountCents,
        settlementCount: totals.shopsPaid,
        redemptionCount: totals.purchases,
        waiting: [...input.waiting],
        oldestRedemptionAt: oldest,
        payoutDeadline: payoutDeadlineOf(oldest),
      };
      if (!(await runs.recordClosing(runId, executionId, deps.now(), closing))) owned();
      const closed: SettlementRun = { ...run, ...closing };

      const now = deps.now();
      const requestedExecutionDate = brusselsDateOf(now);
      const files = settlementFileKeys(runId);
      const payment = buildPain001({
        messageId: runId,
        paymentInformationId: runId,
        createdAt: now,
        requestedExecutionDate,
        initiatingPartyName: config.townName,
        debtor: config.townAccount,
        transfers: settlements.map((settlement) => ({
          endToEndId: settlement.settlementId,
          amountCents: settlement.amountCents,
          creditor: settlement.creditor,
          remittance: { structured: settlement.remittanceReference },
        })),
      });
      await deps.documents.put(files.paymentFile, payment, 'application/xml; charset=utf-8');
      await deps.documents.putStream(files.statementCsv, statementChunks(settlements), 'text/csv; charset=utf-8');
      const pdf = await renderSettlementSummary(this.summaryInput(closed, settlements), config.texts);
      await deps.documents.put(files.summaryPdf, pdf, 'application/pdf');
      if (!(await runs.markFilesBuilt(runId, executionId, deps.now(), files, requestedExecutionDate))) owned();
      return { status: 'AWAITING_APPROVAL' };
    },
  };
}

export type SettlementDocuments = ReturnType<typeof createSettlementDocuments>;
