/**
 * Letter rendering, pure part: letters/s, bytes per letter and peak memory, rendering synthetic letters
 * into a counting sink (no disk). One batch on one core (for a fifth of the letters, then all: the same
 * peak memory), then two batches at once in two worker threads; each in a fresh process.
 * Run alone: `npm exec -- node test/bench/letters-render.ts 5000`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { summarise } from '../../shared/letters/batches.ts';
import { DEMO_LOGO } from '../../shared/letters/demo-logo.ts';
import type { Envelope } from '../../shared/letters/envelopes.ts';
import type { PartnerShop, TownLetterConfig, VoucherLetter } from '../../shared/letters/letter-input.ts';
import { renderLetterBatch } from '../../shared/letters/render-letter-batch.ts';
import { pagesPerLetterFor } from '../../shared/letters/shop-list.ts';
import { codeFromRandomBytes } from '../../shared/vouchers/voucher-code.ts';

export interface LetterRenderFigures {
  readonly letters: number;
  readonly seconds: number;
  readonly lettersPerSecond: number;
  /**
   * Letters per second of CPU time of the rendering threads: what one core does whatever else runs on
   * the machine (wall-clock figures drop when other processes share the cores).
   */
  readonly lettersPerCpuSecond: number;
  readonly bytesPerLetter: number;
  /** The live heap when the last letter is drawn (see liveHeapMb): flat in the number of letters. */
  readonly liveHeapMb: number;
  /** Highest resident set size of the whole process so far (worker threads included). */
  readonly peakRssMb: number;
}

const TOWN: TownLetterConfig = {
  name: 'Boussu',
  letterhead: 'Commune de Boussu',
  department: 'Service du commerce local',
  returnAddress: { street: 'Rue Grande', houseNumber: '1', box: null, postcode: '7300', locality: 'Boussu' },
  phone: '065 71 73 00',
  email: 'commerce@boussu.example',
  publicSiteUrl: 'https://bons.boussu.example',
  logo: DEMO_LOGO,
};
const CAMPAIGN = {
  name: 'Chèque commerce jeunesse',
  language: 'fr',
  faceValueCents: 10_000,
  endDate: '2027-03-31',
} as const;
const SHOPS: PartnerShop[] = Array.from({ length: 30 }, (_, index) => ({
  name: `Commerce partenaire n° ${index + 1}`,
  address: `Rue du Commerce ${index + 1}, 7300 Boussu`,
}));
const FIRST = ['Léa', 'Zoë', 'Łukasz', 'Ñuño', 'Anaïs', 'Jürgen', 'Noé', 'Amélie', 'Tom', 'Chloé'];
const LAST = ['Dupont', 'Van den Bergh-Ößmann', 'Wójcik', 'Çelik', 'Lefèvre', 'Peeters', 'Müller', "D'Hondt"];
const STREETS = ['Rue de la Gare', 'Chaussée de Valenciennes', 'Rue Émile Cuvelier', 'Grand-Place'];

/** One household of two minors every third envelope, else one letter: 4 letters per 3 envelopes. */
function lettersIn(index: number): number {
  return index % 3 === 0 ? 2 : 1;
}

/**
 * Bytes that look random, fast (xorshift32): the codes must all differ, like real ones, but drawing them
 * from the system's CSPRNG would be measured as rendering time. Seeded, so both passes (the batch summary,
 * then the rendering) see the same letters.
 */
function pseudoRandomBytes(seed: number): (length: number) => Uint8Array {
  let state = seed || 1;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index += 1) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[index] = state & 0xff;
    }
    return bytes;
  };
}

/** Envelopes made on demand, each letter with its own code: the renderer holds none of them. */
function* syntheticEnvelopes(letters: number, atLastEnvelope?: () => void): Generator<Envelope<VoucherLetter>> {
  const random = pseudoRandomBytes(letters);
  let made = 0;
  for (let index = 0; made < letters; index += 1) {
    const count = Math.min(lettersIn(index), letters - made);
    const address = {
      street: STREETS[index % STREETS.length] ?? 'Rue Grande',
      houseNumber: String(1 + (index % 180)),
      box: index % 7 === 0 ? '2' : null,
      postcode: '7300',
      locality: 'Boussu',
    };
    const lastName = LAST[index % LAST.length] ?? 'Dupont';
    const kind = count > 1 || index % 5 !== 1 ? 'parentsOf' : 'beneficiary';
    const envelopeLetters: VoucherLetter[] = Array.from({ length: count }, (_, child) => ({
      voucherId: `vch_${Buffer.from(random(8)).toString('hex').toUpperCase()}`,
      code: codeFromRandomBytes(random(10)),
      amountCents: 10_000,
      firstName: FIRST[(index + child) % FIRST.length] ?? 'Léa',
      lastName,
      recipient: kind,
      householdRef: `H${index}`,
      address,
    }));
    made += count;
    yield {
      number: index + 1,
      recipient:
        kind === 'parentsOf'
          ? { kind, children: envelopeLetters.map(({ firstName }) => ({ firstName, lastName })) }
          : { kind, person: { firstName: envelopeLetters[0]?.firstName ?? 'Léa', lastName } },
      address,
      letters: envelopeLetters,
    };
  }
  atLastEnvelope?.();
}

/**
 * The live heap (after a full collection) once the last letter is drawn, the PDF still open: what the
 * renderer holds for a batch of that size. Needs `--expose-gc` (the measuring child has it), else NaN.
 */
function liveHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

interface BatchRun {
  readonly liveHeapMb: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

function threadCpuSeconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/** Renders `letters` letters as one batch into a sink that only counts bytes. */
async function renderOneBatch(letters: number): Promise<BatchRun> {
  const pagesPerLetter = pagesPerLetterFor(SHOPS);
  const batch = summarise(syntheticEnvelopes(letters), 1, 1, pagesPerLetter);
  let heapAtEnd = Number.NaN;
  const cpuStarted = threadCpuSeconds();
  const started = performance.now();
  let bytes = 0;
  await renderLetterBatch(
    {
      town: TOWN,
      campaign: CAMPAIGN,
      shops: SHOPS,
      letterDate: '2027-01-15',
      batch,
      envelopes: syntheticEnvelopes(letters, () => {
        heapAtEnd = liveHeapMb();
      }),
    },
    (chunk) => {
      bytes += chunk.length;
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return { bytes, seconds, cpuSeconds: threadCpuSeconds() - cpuStarted, liveHeapMb: heapAtEnd };
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** One batch of `count` letters on this thread. */
export async function benchLetterRender(count: number): Promise<LetterRenderFigures> {
  const run = await renderOneBatch(count);
  return figures(count, run.seconds, [run]);
}

/** Two batches of `count / 2` letters at once, each in its own worker thread (one per core here). */
export async function benchLetterRenderParallel(count: number, threads = 2): Promise<LetterRenderFigures> {
  const share = Math.ceil(count / threads);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { letters: share } });
      return new Promise<BatchRun>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  return figures(share * threads, (performance.now() - started) / 1000, results);
}

/** Per core: the letters over the CPU time of all rendering threads; the live heap of the largest. */
function figures(letters: number, seconds: number, runs: readonly BatchRun[]): LetterRenderFigures {
  const sum = (pick: (run: BatchRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    letters,
    seconds,
    lettersPerSecond: letters / seconds,
    lettersPerCpuSecond: letters / sum((run) => run.cpuSeconds),
    bytesPerLetter: sum((run) => run.bytes) / letters,
    liveHeapMb: Math.max(...runs.map((run) => run.liveHeapMb)),
    peakRssMb: peakRssMb(),
  };
}

function print(label: string, f: LetterRenderFigures): void {
  console.log(
    `${label.padEnd(30)} ${String(f.letters).padStart(6)} letters  ${f.seconds.toFixed(2).padStart(6)} s  ` +
      `${Math.round(f.lettersPerSecond).toLocaleString('en').padStart(6)} letters/s  ` +
      `(${Math.round(f.lettersPerCpuSecond).toLocaleString('en')} per CPU-second)  ` +
      `${Math.round(f.bytesPerLetter).toLocaleString('en').padStart(6)} B/letter  ` +
      `live heap ${f.liveHeapMb.toFixed(1)} MB  peak RSS ${f.peakRssMb.toFixed(0)} MB`,
  );
}

type Mode = 'one-thread' | 'two-threads';

/** Each measure in a fresh Node process, so that its peak RSS is its own (start-up included). */
async function measureInChild(mode: Mode, letters: number): Promise<LetterRenderFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--measure',
    mode,
    String(letters),
  ]);
  return JSON.parse(stdout) as LetterRenderFigures;
}

/**
 * The three measures of the render step: a fifth of the letters then all of them on one thread (the same
 * live heap: memory flat in the number of letters), and all of them on two threads.
 */
export async function measureLetterRender(
  count: number,
): Promise<{ small: LetterRenderFigures; full: LetterRenderFigures; parallel: LetterRenderFigures }> {
  return {
    small: await measureInChild('one-thread', Math.round(count / 5)),
    full: await measureInChild('one-thread', count),
    parallel: await measureInChild('two-threads', count),
  };
}

if (!isMainThread && workerData && parentPort) {
  const { letters } = workerData as { letters: number };
  await renderOneBatch(100); // warm-up: font parsing, JIT
  parentPort.postMessage(await renderOneBatch(letters));
} else if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--measure') {
  const letters = Number(process.argv[4]);
  if (process.argv[3] === 'two-threads') {
    console.log(JSON.stringify(await benchLetterRenderParallel(letters)));
  } else {
    await renderOneBatch(100); // warm-up: font parsing, JIT
    console.log(JSON.stringify(await benchLetterRender(letters)));
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const { small, full, parallel } = await measureLetterRender(Number(process.argv[2] ?? 5000));
  print('one batch, one thread', small);
  print('one batch, one thread', full);
  print('two batches, two threads', parallel);
}
