/**
 * Letters: the render step alone (test/bench/letters-render.ts: one batch on one core, two batches on two
 * threads, each in a fresh process), then whole letter runs as staff start them: issued vouchers of a fresh
 * campaign with the demo town's shops enrolled, POST /campaigns/{id}/letter-runs, the local state machine
 * planning, rendering the batches and finishing, until the run is DONE. For a fifth of the letters and for
 * all of them in the same target: wall time, letters/s, the PDF bytes per letter, and the peak memory of the
 * process that runs the handlers during each run (flat in the number of letters: batches are streamed).
 * Run alone: `npm exec -- node test/bench/letters.ts [--letters 5000]`.
 */

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import { LOCAL_RESOURCES } from '../../infra/local/resources.ts';
import { createDynamoDbClients, createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { apiCall, pollUntil } from './bench-api.ts';
import { startBenchTarget } from './bench-target.ts';
import { seedCampaign } from './issuance.ts';
import { type LetterRenderFigures, measureLetterRender } from './letters-render.ts';
import { sampleRss } from './process-usage.ts';
import { printTable } from './stats.ts';

export interface LetterRunFigures {
  readonly letters: number;
  readonly envelopes: number;
  readonly batches: number;
  readonly pages: number;
  readonly seconds: number;
  readonly lettersPerSecond: number;
  /** Every batch PDF of the run (the town's logo once per batch included), over its letters. */
  readonly bytesPerLetter: number;
  /** The handlers' process (the local target), highest VmRSS sampled during the run and before it. */
  readonly peakRssMb: number;
  readonly rssBeforeMb: number;
}

export interface LettersFigures {
  readonly render: {
    readonly small: LetterRenderFigures;
    readonly full: LetterRenderFigures;
    readonly parallel: LetterRenderFigures;
  };
  readonly runs: readonly LetterRunFigures[];
}

export const LETTERS_DEFAULT = 5000;
/** Goals of the issue: render ≥ 1,000 letters/s on two cores, whole run ≥ 300/s, ≤ 8 KB a letter. */
const GOALS = { renderPerSecond: 1000, runPerSecond: 300, bytesPerLetter: 8 * 1024 } as const;
const RUN_POLLING = { timeoutMs: 20 * 60 * 1000, pollMs: 250 };

interface RunStatus {
  status: 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
  letters: number;
  envelopes: number;
  batches: Array<{ batchId: string; letters: number; envelopes: number; pages: number }>;
}

/** A campaign of `letters` issued vouchers (two children a household), the demo town's shops enrolled. */
async function issuedCampaign(apiUrl: string, table: TableContext, token: string, letters: number): Promise<string> {
  const campaign = await seedCampaign(table, letters);
  const base = `${apiUrl}/campaigns/${campaign.campaignId}`;
  const shops = await apiCall<{ items: Array<{ merchantId: string; status: string }> }>(`${apiUrl}/merchants`, token);
  for (const shop of shops.items.filter((item) => item.status === 'ACTIVE')) {
    await apiCall(`${base}/merchants/${shop.merchantId}`, token, { method: 'PUT' });
  }
  const { runId } = await apiCall<{ runId: string }>(`${base}/issuance`, token, {
    method: 'POST',
    idempotencyKey: randomUUID(),
  });
  const issued = await pollUntil('the issuance run', RUN_POLLING, async () => {
    const run = await apiCall<{ status: string; issued: number }>(`${base}/issuance/${runId}`, token);
    if (run.status === 'FAILED') throw new Error(`issuance run ${runId} failed`);
    return run.status === 'DONE' ? run.issued : undefined;
  });
  if (issued !== letters) throw new Error(`issued ${issued} vouchers, expected ${letters}`);
  return campaign.campaignId;
}

async function letterRun(
  target: { apiUrl: string; pid: number },
  table: TableContext,
  documents: ReturnType<typeof createDocumentStore>,
  token: string,
  letters: number,
): Promise<LetterRunFigures> {
  const campaignId = await issuedCampaign(target.apiUrl, table, token, letters);
  const base = `${target.apiUrl}/campaigns/${campaignId}/letter-runs`;
  const memory = sampleRss(target.pid);
  const rssBeforeMb = memory.mark();
  const started = performance.now();
  const { runId } = await apiCall<{ runId: string }>(base, token, { method: 'POST', idempotencyKey: randomUUID() });
  const done = await pollUntil('the letter run', RUN_POLLING, async () => {
    const run = await apiCall<RunStatus>(`${base}/${runId}`, token);
    if (run.status === 'FAILED') throw new Error(`letter run ${runId} failed`);
    return run.status === 'DONE' ? run : undefined;
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = memory.stop();
  if (done.letters !== letters) throw new Error(`letter run printed ${done.letters} letters, expected ${letters}`);
  const pdfs = (await documents.listObjects(`letters/${campaignId}/${runId}/`)).filter((file) =>
    file.key.endsWith('.pdf'),
  );
  const pdfBytes = pdfs.reduce((total, file) => total + file.size, 0);
  return {
    letters: done.letters,
    envelopes: done.envelopes,
    batches: done.batches.length,
    pages: done.batches.reduce((total, batch) => total + batch.pages, 0),
    seconds,
    lettersPerSecond: done.letters / seconds,
    bytesPerLetter: pdfBytes / done.letters,
    peakRssMb,
    rssBeforeMb,
  };
}

export async function benchLetters(options: { letters?: number } = {}): Promise<LettersFigures> {
  const letters = options.letters ?? LETTERS_DEFAULT;
  const render = await measureLetterRender(letters);
  const target = await startBenchTarget();
  const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const s3 = createS3Client({ region: 'eu-west-1', endpoints: target.endpoints });
  try {
    const table: TableContext = { doc, tableName: target.tableName };
    const documents = createDocumentStore({ s3, bucket: LOCAL_RESOURCES.buckets.documents });
    const identity = await LocalIdentityProvider.open(target.identityDir);
    const { accessToken } = await identity.mint({ sub: randomUUID(), username: 'bench-staff', roles: ['staff'] });
    // The dashboard's aggregator would count every issued voucher meanwhile: not what is measured here.
    await target.command('streams pause');
    const runs: LetterRunFigures[] = [];
    // A small run first loads the handlers and the fonts; then a fifth of the letters, then all of them.
    await letterRun(target, table, documents, accessToken, 50);
    for (const size of [Math.round(letters / 5), letters]) {
      runs.push(await letterRun(target, table, documents, accessToken, size));
    }
    return { render, runs };
  } finally {
    doc.destroy();
    s3.destroy();
    await target.stop();
  }
}

const verdict = (ok: boolean) => (ok ? 'goal met' : 'goal missed');

export function printLetters(figures: LettersFigures): void {
  const { small, full, parallel } = figures.render;
  printTable(
    'Letters, render step alone (synthetic letters into a counting sink; each line in a fresh process)',
    ['how', 'letters', 'seconds', 'letters/s', 'per CPU-second', 'bytes/letter', 'live heap at end', 'peak RSS'],
    [
      ['one batch, one thread', small],
      ['one batch, one thread', full],
      ['two batches, two threads', parallel],
    ].map(([label, f]) => {
      const row = f as LetterRenderFigures;
      return [
        label as string,
        String(row.letters),
        row.seconds.toFixed(2),
        Math.round(row.lettersPerSecond).toLocaleString('en'),
        Math.round(row.lettersPerCpuSecond).toLocaleString('en'),
        Math.round(row.bytesPerLetter).toLocaleString('en'),
        `${row.liveHeapMb.toFixed(1)} MB`,
        `${row.peakRssMb.toFixed(0)} MB`,
      ];
    }),
  );
  const best = Math.max(full.lettersPerSecond, parallel.lettersPerSecond);
  console.log(
    `render: best ${Math.round(best)} letters/s on this machine, goal ≥ ${GOALS.renderPerSecond}: ${verdict(best >= GOALS.renderPerSecond)}` +
      `; live heap ${small.liveHeapMb.toFixed(1)} MB at ${small.letters} letters and ${full.liveHeapMb.toFixed(1)} MB at ${full.letters}`,
  );
  printTable(
    'Letter runs through the API and the local state machine (plan, render batches, finish), issued vouchers of one campaign',
    ['letters', 'envelopes', 'batches', 'pages', 'seconds', 'letters/s', 'bytes/letter', 'handlers RSS before', 'peak'],
    figures.runs.map((run) => [
      String(run.letters),
      String(run.envelopes),
      String(run.batches),
      String(run.pages),
      run.seconds.toFixed(1),
      Math.round(run.lettersPerSecond).toLocaleString('en'),
      Math.round(run.bytesPerLetter).toLocaleString('en'),
      `${run.rssBeforeMb.toFixed(0)} MB`,
      `${run.peakRssMb.toFixed(0)} MB`,
    ]),
  );
  const last = figures.runs.at(-1);
  if (last) {
    console.log(
      `whole run: ${Math.round(last.lettersPerSecond)} letters/s, goal ≥ ${GOALS.runPerSecond}: ${verdict(last.lettersPerSecond >= GOALS.runPerSecond)}` +
        `; ${Math.round(last.bytesPerLetter)} bytes a letter, goal ≤ ${GOALS.bytesPerLetter}: ${verdict(last.bytesPerLetter <= GOALS.bytesPerLetter)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { letters: { type: 'string' } } });
  printLetters(await benchLetters({ letters: Number(values.letters ?? LETTERS_DEFAULT) }));
}
