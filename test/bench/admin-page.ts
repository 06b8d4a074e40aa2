/**
 * What the staff admin page makes a browser download before it can work, and what its charts add later:
 * the page is built exactly as deployed (web/build.ts, minified) into a temporary folder, then its JavaScript
 * is followed from main.js through the chunks it imports statically (the initial download) and through those
 * it imports dynamically (the chart library, loaded when the dashboard first has figures). Sizes are gzip at
 * zlib's default level, about what a CDN's on-the-fly compression achieves.
 *
 *   npm exec -- node test/bench/admin-page.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWebSync } from '../../web/build.ts';
import { kib, printTable } from './stats.ts';

export interface AdminPageJs {
  /** main.js and every chunk it imports statically, transitively. */
  readonly initialBytes: number;
  readonly initialGzipBytes: number;
  readonly initialFiles: readonly string[];
  /** The chunks imported dynamically (and their own static imports not already loaded): the charts. */
  readonly chartsBytes: number;
  readonly chartsGzipBytes: number;
  readonly chartsFiles: readonly string[];
  /** The HTML and CSS the page loads with its script. */
  readonly htmlCssGzipBytes: number;
}

// esbuild's ESM output: `import{a as b}from"./chunks/x.js"`, `import"./x.js"`, `export … from"./x.js"`, `import("./x.js")`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

function imports(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(pattern)].map((match) => resolve(dirname(file), match[1] ?? ''));
}

/** `start` and every file it imports statically, transitively. */
function staticClosure(start: readonly string[], known = new Set<string>()): Set<string> {
  const pending = [...start];
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (known.has(file)) continue;
    known.add(file);
    pending.push(...imports(file, STATIC_IMPORT));
  }
  return known;
}

const size = (files: Iterable<string>) => {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { bytes, gzipBytes };
};

export async function measureAdminPageJs(): Promise<AdminPageJs> {
  const out = mkdtempSync(join(tmpdir(), 'voucher-bench-admin-page-'));
  try {
    buildWebSync(out);
    const page = join(out, 'admin');
    const initial = staticClosure([join(page, 'main.js')]);
    const lazyRoots = [...initial]
      .flatMap((file) => imports(file, DYNAMIC_IMPORT))
      .filter((file) => !initial.has(file));
    const charts = [...staticClosure(lazyRoots, new Set(initial))].filter((file) => !initial.has(file));
    const initialSize = size(initial);
    const chartsSize = size(charts);
    const name = (file: string) => relative(page, file);
    return {
      initialBytes: initialSize.bytes,
      initialGzipBytes: initialSize.gzipBytes,
      initialFiles: [...initial].map(name),
      chartsBytes: chartsSize.bytes,
      chartsGzipBytes: chartsSize.gzipBytes,
      chartsFiles: charts.map(name),
      htmlCssGzipBytes: size([join(page, 'index.html'), join(page, 'style.css')]).gzipBytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function printAdminPageJs(figures: AdminPageJs): void {
  printTable(
    'Staff admin page: JavaScript downloaded (goal: initial ≤ 80 KiB gzip, charts lazily)',
    ['part', 'files', 'raw', 'gzip'],
    [
      [
        'initial (main.js + static chunks)',
        String(figures.initialFiles.length),
        kib(figures.initialBytes),
        kib(figures.initialGzipBytes),
      ],
      [
        'charts (dynamic import)',
        String(figures.chartsFiles.length),
        kib(figures.chartsBytes),
        kib(figures.chartsGzipBytes),
      ],
      ['HTML + CSS', '2', '-', kib(figures.htmlCssGzipBytes)],
    ],
  );
}

// `npm exec -- node test/bench/admin-page.ts` runs this measure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  measureAdminPageJs()
    .then(printAdminPageJs)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
