/**
 * One settlement run as finance starts it (POST /settlement-runs with a cut-off of now), followed in the
 * table until its documents exist, with the resident memory of the process its handlers run in.
 */

import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { settlementKeys } from '../../shared/data/keys.ts';
import { createSettlementStore } from '../../shared/data/settlement-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import type { SettlementRun } from '../../shared/settlement/settlement-run.ts';
import { pollUntil } from './bench-api.ts';
import { cpuSeconds, residentMemory, sampleRss } from './process-usage.ts';

export interface RunFigures {
  readonly runId: string;
  /** From the request until the first settlement exists: the open step (every shop looked at), the first page. */
  readonly openSeconds: number;
  /** From the request until the last shop's settlement is closed (its closedAt): open + the Map. */
  readonly closedSeconds: number;
  /** From the request until AWAITING_APPROVAL: the payment file, statement and summary are written. */
  readonly totalSeconds: number;
  /** From AWAITING_APPROVAL until finance's report and every shop's advice are sent (not in the goal). */
  readonly reportsSeconds: number;
  /** VmRSS of the handlers' process just before the request. */
  readonly rssBeforeMb: number;
  /** Highest VmRSS sampled while the shops were closed (open + Map). */
  readonly peakClosingMb: number;
  /** Highest VmRSS sampled while the documents were written. */
  readonly peakDocumentsMb: number;
  /** VmHWM at AWAITING_APPROVAL: the highest resident size of the process's life so far (spikes included). */
  readonly lifetimePeakMb: number;
  /** CPU seconds from the request to AWAITING_APPROVAL: the handlers' process, and DynamoDB Local. */
  readonly handlersCpuSeconds: number;
  readonly dynamoCpuSeconds: number;
  readonly run: SettlementRun;
}

/** Looks at the run in the table: often enough for runs of seconds to minutes, rarely enough to cost nothing. */
const POLL_MS = 250;
/** VmRSS is read from /proc, which costs the target nothing. */
const RSS_SAMPLE_MS = 100;

async function startRun(apiUrl: string, token: string): Promise<string> {
  const response = await fetch(`${apiUrl}/settlement-runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ cutoff: new Date().toISOString() }),
  });
  const body = (await response.json()) as { runId?: string };
  if (response.status !== 202 || !body.runId) throw new Error(`POST /settlement-runs: ${response.status}`);
  return body.runId;
}

export async function runSettlement(
  target: { apiUrl: string; pid: number; dynamoPid: number },
  table: TableContext,
  token: string,
  timeoutMs: number,
): Promise<RunFigures> {
  const runs = createSettlementStore(table);
  const run = async (runId: string) => {
    const found = await runs.getRun(runId);
    if (found?.status === 'FAILED' || found?.status === 'EMPTY') {
      throw new Error(`settlement run ${runId} ended ${found.status}: ${found.error ?? 'nothing to settle'}`);
    }
    return found;
  };
  const hasSettlement = async (runId: string) => {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': settlementKeys.byRun(runId) },
        Limit: 1,
      }),
    );
    return (page.Items?.length ?? 0) > 0 ? true : undefined;
  };

  const memory = sampleRss(target.pid, RSS_SAMPLE_MS);
  const rssBeforeMb = memory.mark();
  const cpuBefore = [cpuSeconds(target.pid), cpuSeconds(target.dynamoPid)] as const;
  const startedAt = Date.now();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const runId = await startRun(target.apiUrl, token);
  await pollUntil('a first settlement', { timeoutMs, pollMs: POLL_MS }, () => hasSettlement(runId));
  const openSeconds = seconds();
  // The documents step records the run's figures first: from then on, every shop is closed.
  await pollUntil('the closing figures', { timeoutMs, pollMs: POLL_MS }, async () =>
    (await run(runId))?.redemptionCount ? true : undefined,
  );
  const peakClosingMb = memory.mark();
  const done = await pollUntil('AWAITING_APPROVAL', { timeoutMs, pollMs: POLL_MS }, async () => {
    const now = await run(runId);
    return now?.status === 'AWAITING_APPROVAL' ? now : undefined;
  });
  const totalSeconds = seconds();
  const peakDocumentsMb = memory.stop();
  const handlersCpuSeconds = cpuSeconds(target.pid) - cpuBefore[0];
  const dynamoCpuSeconds = cpuSeconds(target.dynamoPid) - cpuBefore[1];
  const lifetimePeakMb = residentMemory(target.pid).peakMb;
  await pollUntil('the reports', { timeoutMs, pollMs: POLL_MS }, async () =>
    (await run(runId))?.reportsSentAt ? true : undefined,
  );
  const reportsSeconds = seconds() - totalSeconds;

  const settlements = await runs.runSettlements(runId);
  const lastClosed = Math.max(...settlements.map((settlement) => Date.parse(settlement.closedAt ?? '')));
  return {
    runId,
    openSeconds,
    closedSeconds: (lastClosed - startedAt) / 1000,
    totalSeconds,
    reportsSeconds,
    rssBeforeMb,
    peakClosingMb,
    peakDocumentsMb,
    lifetimePeakMb,
    handlersCpuSeconds,
    dynamoCpuSeconds,
    run: done,
  };
}

/** Finance approves: the run's execution records the payout and ends, leaving the target quiet. */
export async function approveRun(apiUrl: string, token: string, table: TableContext, runId: string): Promise<void> {
  const response = await fetch(`${apiUrl}/settlement-runs/${runId}/approval`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`approval of ${runId}: ${response.status}`);
  const runs = createSettlementStore(table);
  await pollUntil('PAID', { timeoutMs: 60_000, pollMs: POLL_MS }, async () =>
    (await runs.getRun(runId))?.status === 'PAID' ? true : undefined,
  );
}
