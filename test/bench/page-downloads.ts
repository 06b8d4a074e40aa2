/** What a page downloads from the web server, and when its performance marks fall: shared by the page benches. */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export interface Downloaded {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface DownloadSize {
  readonly files: number;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Records the static files the page downloads from the web server (the API's JSON is not counted). */
export function recordDownloads(page: Page, webUrl: string): { files: Downloaded[]; settled(): Promise<void> } {
  const files: Downloaded[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(webUrl) || response.status() !== 200) return;
    pending.push(
      response.body().then(
        (body) => {
          // zlib's default level, about what a CDN's on-the-fly compression achieves.
          files.push({ path: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
        },
        () => undefined,
      ),
    );
  });
  return { files, settled: async () => void (await Promise.all(pending)) };
}

export function sizeOf(files: readonly Downloaded[]): DownloadSize {
  return {
    files: files.length,
    bytes: files.reduce((total, file) => total + file.bytes, 0),
    gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0),
  };
}

/** When the page set the performance mark `name` (ms from navigation start), waiting up to 30 s for it. */
export async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction((markName) => performance.getEntriesByName(markName).length > 0, name, {
    timeout: 30_000,
  });
  return page.evaluate((markName) => performance.getEntriesByName(markName)[0]?.startTime ?? Number.NaN, name);
}
