/**
 * Register import, pure part: parse + validate + eligibility rows/s over a generated 100,000-row register
 * read as a file stream, with peak memory. Run alone: `npm exec -- node test/bench/register-parse.ts`.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eligibilityOf } from '../../shared/eligibility/eligibility.ts';
import type { RegisterEncoding } from '../../shared/register/csv-source.ts';
import { readRegister } from '../../shared/register/parse-register.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { printTable } from './stats.ts';

export interface RegisterParseFigures {
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Highest resident set size of the process that parsed (a fresh Node 24 child, start-up included). */
  readonly peakRssMiB: number;
  /** Its resident set size just before parsing: the peak minus this is what the import itself costs. */
  readonly baselineRssMiB: number;
  readonly fileMiB: number;
  readonly encoding: RegisterEncoding;
  /** Times the file was opened (2 for UTF-8 without BOM: the encoding check reads it once through). */
  readonly reads: number;
  readonly people: number;
  readonly invalid: number;
  readonly duplicates: number;
  readonly eligible: { readonly automatic: number; readonly onApplication: number };
}

const LAST_NAMES = [
  'Dubois',
  'Peeters',
  'Janssens',
  'Müller',
  "D'Hondt",
  'Van den Bossche',
  'Lefèvre',
  'Nowak',
  'Öztürk',
];
const FIRST_NAMES = ['Zoé', 'Noé', 'Léna', 'Lucas', 'Amélie', 'Jürgen', 'François', 'Emma', 'Chloé', 'Louis'];
const STREETS = ['Rue de la Station', 'Chaussée de Louvain', 'Rue Émile Cuvelier', 'Avenue Cardinal Mercier'];
const MS_PER_DAY = 86_400_000;
const FIRST_BIRTH = Date.UTC(1930, 0, 1);
const TODAY = '2026-11-15';
const CAMPAIGN = {
  referenceDate: '2026-12-01',
  eligibility: { automatic: { minAge: 0, maxAge: 18 }, onApplication: { minAge: 19, maxAge: 21 } },
};

/** Deterministic pseudo-random numbers (mulberry32), so every run parses the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One line of the synthetic register: ~1 % bad check digits, ~1 % impossible dates, ~1 % repeated lines. */
function syntheticLines(rows: number): Generator<string> {
  const next = random(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return (function* () {
    let previous = '';
    for (let index = 0; index < rows; index++) {
      const roll = next();
      if (roll < 0.01 && previous !== '') {
        yield previous;
        continue;
      }
      const birth = new Date(FIRST_BIRTH + Math.floor(next() * 35_000) * MS_PER_DAY).toISOString().slice(0, 10);
      let nationalNumber = makeNationalNumber(birth, 1 + (index % 997));
      if (roll < 0.02) nationalNumber = `${nationalNumber.slice(0, 9)}${(Number(nationalNumber.slice(9)) % 97) + 1}`;
      const [year, month, day] = birth.split('-');
      const date = roll > 0.99 ? `31/02/${year}` : `${day}/${month}/${year}`;
      const street = roll > 0.5 ? `"${pick(STREETS)}; bloc ${index % 7}"` : pick(STREETS);
      previous = `${nationalNumber};${pick(LAST_NAMES)};${pick(FIRST_NAMES)};${date};${street};${1 + (index % 240)};;5000;Namur;M-${Math.floor(index / 3)};belge\r\n`;
      yield previous;
    }
  })();
}

async function writeRegister(path: string, rows: number, encoding: RegisterEncoding): Promise<void> {
  const out = createWriteStream(path);
  // Every character used is Latin-1, where Windows-1252 and ISO-8859-1 agree: Node's 'latin1' writes it.
  const nodeEncoding = encoding === 'utf-8' ? 'utf8' : 'latin1';
  let batch = 'NISS;Nom;Prénom;Date de naissance;Rue;Numéro;Boîte;Code postal;Localité;Ménage;Nationalité\r\n';
  for (const line of syntheticLines(rows)) {
    batch += line;
    if (batch.length > 256 * 1024) {
      if (!out.write(batch, nodeEncoding)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch, nodeEncoding);
  await once(out, 'finish');
}

const mib = (bytes: number) => bytes / 2 ** 20;
const THIS_FILE = fileURLToPath(import.meta.url);

type ParseMeasure = Omit<RegisterParseFigures, 'fileMiB' | 'encoding'>;

/** Parses the file in this process; run in a fresh child so the memory figures are the import's own. */
async function measureParse(path: string): Promise<ParseMeasure> {
  let reads = 0;
  const open = () => {
    reads++;
    return createReadStream(path);
  };
  const eligible = { automatic: 0, onApplication: 0 };
  let summary: { people: number; invalid: number; duplicates: number; total: number } | undefined;
  const baseline = process.memoryUsage.rss();
  const started = performance.now();
  for await (const event of readRegister(open, { today: TODAY })) {
    if (event.type === 'person') {
      const outcome = eligibilityOf(event.person.birthDate, CAMPAIGN);
      if (outcome === 'AUTOMATIC') eligible.automatic++;
      if (outcome === 'ON_APPLICATION') eligible.onApplication++;
    } else if (event.type === 'end') {
      const { rows: counts, people, duplicates } = event.summary;
      summary = { people, duplicates, invalid: counts.invalid, total: counts.total };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (!summary) throw new Error('the register produced no summary');
  return {
    rows: summary.total,
    seconds,
    rowsPerSecond: summary.total / seconds,
    // The kernel's high-water mark of this process: exact, unlike sampling.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    baselineRssMiB: mib(baseline),
    reads,
    people: summary.people,
    invalid: summary.invalid,
    duplicates: summary.duplicates,
    eligible,
  };
}

export async function benchRegisterParse(
  options: { rows?: number; encoding?: RegisterEncoding } = {},
): Promise<RegisterParseFigures> {
  const rows = options.rows ?? 100_000;
  const encoding = options.encoding ?? 'utf-8';
  const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
  const path = join(dir, 'register.csv');
  try {
    await writeRegister(path, rows, encoding);
    // A child process (same Node 24 binary) so that the peak RSS is the parse's, not the generator's.
    const { stdout } = await promisify(execFile)(process.execPath, [THIS_FILE, '--measure', path], {
      maxBuffer: 1024 * 1024,
    });
    const measured = JSON.parse(stdout) as ParseMeasure;
    return { ...measured, fileMiB: mib(statSync(path).size), encoding };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as a table, for `npm run bench` and for running this file alone. */
export function printRegisterParse(figures: readonly RegisterParseFigures[]): void {
  printTable(
    `Register import (parse + validate + eligibility), Node ${process.version}`,
    [
      'file',
      'rows',
      'seconds',
      'rows/s',
      'peak RSS',
      'RSS before',
      'reads',
      'people / invalid / dup.',
      'auto / on appl.',
    ],
    figures.map((f) => [
      `${f.fileMiB.toFixed(1)} MiB ${f.encoding}`,
      String(f.rows),
      f.seconds.toFixed(2),
      Math.round(f.rowsPerSecond).toLocaleString('en'),
      `${f.peakRssMiB.toFixed(0)} MiB`,
      `${f.baselineRssMiB.toFixed(0)} MiB`,
      String(f.reads),
      `${f.people} / ${f.invalid} / ${f.duplicates}`,
      `${f.eligible.automatic} / ${f.eligible.onApplication}`,
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--measure') {
  console.log(JSON.stringify(await measureParse(process.argv[3] ?? '')));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const figures: RegisterParseFigures[] = [];
  for (const encoding of ['utf-8', 'windows-1252'] as const) figures.push(await benchRegisterParse({ encoding }));
  printRegisterParse(figures);
}
