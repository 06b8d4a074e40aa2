/**
 * The merchant scanner on a phone-sized Chromium against its own local target: what the page weighs
 * (initial JS and everything a full scan downloads, gzip as CloudFront would serve it) and how long a
 * shopkeeper waits from opening the page to the balance of the voucher in front of the fake camera.
 * The times come from the page's own performance marks, measured from navigation start; each run is a
 * new browser context (cold HTTP cache) with the shop's session already stored, as on a phone that
 * signed in earlier in the day.
 *
 *   npm exec -- node test/bench/scanner.ts [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import { seedDemoTown } from '../../infra/local/seed/demo-town.ts';
import { issueDemoVouchers } from '../../infra/local/seed/demo-vouchers.ts';
import { startLocalTarget } from '../../infra/local/target.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import { qrPayload } from '../../shared/vouchers/voucher-code.ts';
import { launchChromium, phonePage } from '../support/browser.ts';
import { fakeCameraFlags, writeQrVideo } from '../support/fake-camera.ts';
import { markTime as mark, recordDownloads, sizeOf as sum } from './page-downloads.ts';
import { kib, median, ms, printTable } from './stats.ts';

export interface ScannerBenchFigures {
  /** JavaScript loaded before the shopkeeper does anything (the sign-in screen), raw and gzip. */
  readonly initialJs: { readonly bytes: number; readonly gzipBytes: number; readonly files: number };
  /** The QR decoder, loaded when the camera starts (library and worker chunks). */
  readonly lazyJs: { readonly bytes: number; readonly gzipBytes: number; readonly files: number };
  /** Every static file of a full visit: sign-in, camera, scan, balance (HTML, CSS, JS, icon, config). */
  readonly totalStatic: { readonly bytes: number; readonly gzipBytes: number; readonly files: number };
  /** Median times from navigation start, over `runs` signed-in loads with the fake camera. */
  readonly runs: number;
  readonly cameraReadyMs: number;
  readonly qrDecodedMs: number;
  readonly balanceShownMs: number;
  readonly balanceShownMinMs: number;
  readonly balanceShownMaxMs: number;
}

export async function benchScanner(options: { runs?: number } = {}): Promise<ScannerBenchFigures> {
  const runs = options.runs ?? 7;
  const scratch = mkdtempSync(join(tmpdir(), 'voucher-bench-scanner-'));
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
    const shop = town.users.find((user) => user.role === 'merchant');
    if (!code || !shop) throw new Error('The demo town has no voucher or no shop user');
    const video = join(scratch, 'voucher-qr.y4m');
    writeQrVideo(video, qrPayload(target.webUrl, code.replaceAll('-', '')));
    const browser = await launchChromium(fakeCameraFlags(video));
    const scannerUrl = `${target.webUrl}/scanner/`;
    try {
      // 1. A first visit: the sign-in screen, then the whole path to the balance.
      const page = await phonePage(browser);
      const first = recordDownloads(page, target.webUrl);
      await page.goto(scannerUrl, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
      await first.settled();
      const initial = first.files.filter((file) => file.path.endsWith('.js'));
      await page.getByLabel('Identifiant', { exact: true }).fill(shop.username);
      await page.getByLabel('Mot de passe', { exact: true }).fill(shop.password);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await mark(page, 'scanner:balance-shown');
      await page.waitForLoadState('networkidle');
      await first.settled();
      const lazy = first.files.filter((file) => file.path.includes('/chunks/') && file.path.endsWith('.js'));
      const context: BrowserContext = page.context();
      const storageState = await context.storageState();
      await context.close();

      // 2. Signed-in loads, each in a fresh context (empty HTTP cache), to the balance on screen.
      const cameraReady: number[] = [];
      const decoded: number[] = [];
      const shown: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const fresh = await browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'fr-BE',
          storageState,
        });
        const runPage = await fresh.newPage();
        await runPage.goto(scannerUrl);
        shown.push(await mark(runPage, 'scanner:balance-shown'));
        decoded.push(await mark(runPage, 'scanner:qr-decoded'));
        cameraReady.push(await mark(runPage, 'scanner:camera-ready'));
        await fresh.close();
      }
      return {
        initialJs: sum(initial),
        lazyJs: sum(lazy),
        totalStatic: sum(first.files),
        runs,
        cameraReadyMs: median(cameraReady),
        qrDecodedMs: median(decoded),
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

export function printScannerFigures(figures: ScannerBenchFigures): void {
  printTable(
    'Merchant scanner: what the page downloads (gzip: zlib level 6, as a CDN compresses)',
    ['part', 'files', 'raw', 'gzip'],
    [
      ['initial JS (sign-in screen; budget 60 KiB gzip)', figures.initialJs],
      ['QR decoder, loaded when the camera starts', figures.lazyJs],
      ['everything static, sign-in to balance', figures.totalStatic],
    ].map(([label, part]) => {
      const { files, bytes, gzipBytes } = part as ScannerBenchFigures['initialJs'];
      return [label as string, String(files), kib(bytes), kib(gzipBytes)];
    }),
  );
  printTable(
    `Merchant scanner: from opening the page (signed in, cold cache) with the fake camera, median of ${figures.runs}`,
    ['milestone', 'median'],
    [
      ['camera streaming', ms(figures.cameraReadyMs)],
      ['QR code decoded', ms(figures.qrDecodedMs)],
      [
        `balance on screen (min ${ms(figures.balanceShownMinMs)}, max ${ms(figures.balanceShownMaxMs)})`,
        ms(figures.balanceShownMs),
      ],
    ],
  );
}

// `npm exec -- node test/bench/scanner.ts [runs]` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 7);
  benchScanner({ runs: Number.isInteger(runs) && runs > 0 ? runs : 7 })
    .then(printScannerFigures)
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
