/**
 * Where the closing's time goes: the settleShop use case itself, called in the bench process (no state
 * machine, no handler process), shops as many at a time as the Map, with every DynamoDB call timed by kind.
 */
import { LOCAL_RESOURCES } from '../../infra/local/resources.ts';
import type { DocumentStore } from '../../shared/data/document-store.ts';
import { createSettlementStore } from '../../shared/data/settlement-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { transactWrite } from '../../shared/data/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { createSettlementClosing } from '../../shared/services/settlement-closing.ts';
import { FRENCH_SETTLEMENT_TEXTS } from '../../shared/settlement/i18n/fr.ts';
import type { SettlementRun } from '../../shared/settlement/settlement-run.ts';
import type { SeededSet } from './settlement-seed.ts';

export interface CallKind {
  /** The command, and the index for a query (`Query gsi3`). */
  readonly kind: string;
  readonly calls: number;
  /** Summed over the calls in flight at once: compare with `seconds * parallel`. */
  readonly totalMs: number;
}

export interface BreakdownFigures {
  readonly shops: number;
  readonly redemptions: number;
  readonly seconds: number;
  readonly parallel: number;
  readonly calls: readonly CallKind[];
}

/** The table, with a document client whose `send` adds each call's duration to `calls`. */
function timedTable(table: TableContext, calls: Map<string, { calls: number; totalMs: number }>): TableContext {
  const record = (kind: string, ms: number) => {
    const entry = calls.get(kind) ?? { calls: 0, totalMs: 0 };
    entry.calls += 1;
    entry.totalMs += ms;
    calls.set(kind, entry);
  };
  const doc = new Proxy(table.doc, {
    get(client, property, receiver) {
      if (property !== 'send') return Reflect.get(client, property, receiver);
      return async (command: { constructor: { name: string }; input: { IndexName?: string } }) => {
        const kind = command.constructor.name.replace(/Command$/, '');
        const started = performance.now();
        try {
          return await client.send(command as Parameters<typeof client.send>[0]);
        } finally {
          record(command.input.IndexName ? `${kind} ${command.input.IndexName}` : kind, performance.now() - started);
        }
      };
    },
  });
  return { ...table, doc };
}

/** Closes every shop of `set` (seeded with merchants) in a run of its own, `parallel` shops at a time. */
export async function closingBreakdown(
  table: TableContext,
  set: SeededSet,
  parallel: number,
): Promise<BreakdownFigures> {
  const calls = new Map<string, { calls: number; totalMs: number }>();
  const now = new Date();
  const run: SettlementRun = {
    runId: newId('P'),
    status: 'RUNNING',
    trigger: 'finance',
    cutoff: now.toISOString(),
    createdAt: now.toISOString(),
    createdBy: 'bench',
  };
  const executionId = 'bench-breakdown';
  const runs = createSettlementStore(table);
  await transactWrite(table, { run: runs.createRunItem(run) });
  await runs.claim(run.runId, executionId, now);

  const closing = createSettlementClosing({
    table: timedTable(table, calls),
    // Closing never touches the documents nor sends mail.
    documents: {} as DocumentStore,
    sendMail: () => Promise.reject(new Error('closing sends no mail')),
    now: () => new Date(),
    config: {
      townName: LOCAL_RESOURCES.town.name,
      townAccount: { name: LOCAL_RESOURCES.town.name, iban: LOCAL_RESOURCES.town.iban },
      financeEmails: [LOCAL_RESOURCES.town.financeEmails],
      adminEmails: [LOCAL_RESOURCES.town.adminEmails],
      approvalPollSeconds: LOCAL_RESOURCES.town.approvalPollSeconds,
      texts: FRENCH_SETTLEMENT_TEXTS,
    },
  });
  const queue = set.shops.map((shop) => shop.merchantId);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let merchantId = queue.shift(); merchantId; merchantId = queue.shift()) {
        const input = { runId: run.runId, executionId, merchantId };
        while (!(await closing.settleShop(input)).done);
      }
    }),
  );
  return {
    shops: set.shops.length,
    redemptions: set.redemptions,
    seconds: (performance.now() - started) / 1000,
    parallel,
    calls: [...calls].map(([kind, entry]) => ({ kind, ...entry })).sort((a, b) => b.totalMs - a.totalMs),
  };
}
