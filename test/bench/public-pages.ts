/**
 * The public site on a phone-sized Chromium against its own local target: what each citizen page makes the
 * phone download before it works (its JavaScript and all its static files, gzip as a CDN serves them; the
 * issue's budget is 30 KB of initial JS per page) and how long a parent waits from opening the letter's QR
 * link (/bon/#<code>) to the balance on screen: the page's own `bon:balance-shown` mark, from navigation
 * start, each run in a fresh context (cold HTTP cache), as on a phone that never opened the site.
 *
 *   npm exec -- node test/bench/public-pages.ts [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import { seedDemoTown } from '../../infra/local/seed/demo-town.ts';
import { issueDemoVouchers } from '../../infra/local/seed/demo-vouchers.ts';
import { startLocalTarget } from '../../infra/local/target.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import { qrPayload } from '../../shared/vouchers/voucher-code.ts';
import { launchChromium } from '../support/browser.ts';
import { type DownloadSize, markTime, recordDownloads, sizeOf } from './page-downloads.ts';
import { kib, median, ms, printTable } from './stats.ts';

export interface PublicPageWeight {
  readonly page: string;
  /** The JavaScript downloaded until the page is idle, before anyone touches it. */
  readonly initialJs: DownloadSize;
  /** Every static file of that first load (HTML, CSS, JS, icon, config.json). */
  readonly totalStatic: DownloadSize;
}

export interface PublicPagesFigures {
  readonly pages: readonly PublicPageWeight[];
  readonly runs: number;
  readonly balanceShownMs: number;
  readonly balanceShownMinMs: number;
  readonly balanceShownMaxMs: number;
}

/** The pages of the public site, by path; the question each answers for the table. */
const PAGES = [
  ['/', 'shop list'],
  ['/bon/', 'my voucher'],
  ['/demande/', 'application form'],
] as const;

const newPhone = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-BE',
  });

/** Loads `url` in a fresh phone until the network is idle; answers what came from the web server. */
async function firstLoad(browser: Browser, webUrl: string, path: string): Promise<PublicPageWeight> {
  const context = await newPhone(browser);
  const page: Page = await context.newPage();
  const { files, settled } = recordDownloads(page, webUrl);
  await page.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
  await settled();
  await context.close();
  return {
    page: path,
    initialJs: sizeOf(files.filter((file) => file.path.endsWith('.js'))),
    totalStatic: sizeOf(files),
  };
}

export async function benchPublicPages(options: { runs?: number } = {}): Promise<PublicPagesFigures> {
  const runs = options.runs ?? 9;
  const scratch = mkdtempSync(join(tmpdir(), 'voucher-bench-public-'));
  const target = await startLocalTarget({ identityDir: join(scratch, 'identity') });
  try {
    const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
    const town = await seedDemoTown({ doc, tableName: target.tableName }, target.identity, new Date());
    const [code] = await issueDemoVouchers(
      { doc, tableName: target.tableName },
      await voucherCodeKey(),
      town.campaignId,
      1,
    );
    doc.destroy();
    if (!code) throw new Error('The demo town has no voucher');
    const browser = await launchChromium();
    try {
      const pages: PublicPageWeight[] = [];
      for (const [path] of PAGES) pages.push(await firstLoad(browser, target.webUrl, path));

      const shown: number[] = [];
      const letterLink = qrPayload(target.webUrl, code.replaceAll('-', ''));
      for (let run = 0; run < runs; run += 1) {
        const context = await newPhone(browser);
        const page = await context.newPage();
        await page.goto(letterLink);
        shown.push(await markTime(page, 'bon:balance-shown'));
        await context.close();
      }
      return {
        pages,
        runs,
        balanceShownMs: median(shown),
        balanceShownMinMs: Math.min(...shown),
        balanceShownMaxMs: Math.max(...shown),
      };
    } finally {
      await browser.close();
    }
  } finally {
    await target.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function printPublicPages(figures: PublicPagesFigures): void {
  printTable(
    'Public site: what each page downloads on a first visit (gzip: zlib level 6, as a CDN compresses; budget 30 KB of initial JS)',
    ['page', 'JS files', 'initial JS raw', 'initial JS gzip', 'all static gzip'],
    figures.pages.map((page) => [
      `${page.page} (${PAGES.find(([path]) => path === page.page)?.[1] ?? ''})`,
      String(page.initialJs.files),
      kib(page.initialJs.bytes),
      kib(page.initialJs.gzipBytes),
      kib(page.totalStatic.gzipBytes),
    ]),
  );
  printTable(
    `/bon/ opened from the letter's QR link (cold cache), median of ${figures.runs}`,
    ['milestone', 'median'],
    [
      [
        `balance on screen, from navigation start (min ${ms(figures.balanceShownMinMs)}, max ${ms(figures.balanceShownMaxMs)})`,
        ms(figures.balanceShownMs),
      ],
    ],
  );
}

// `npm exec -- node test/bench/public-pages.ts [runs]` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 9);
  benchPublicPages({ runs: Number.isInteger(runs) && runs > 0 ? runs : 9 })
    .then(printPublicPages)
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
