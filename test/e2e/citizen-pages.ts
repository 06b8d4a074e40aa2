/**
 * What the citizen pages' end-to-end tests share (not a test file): a phone in a chosen language, the page's
 * problems (CSP, script errors, third-party requests), its initial JavaScript in gzip, and API calls that
 * leave from a loopback address of their own, as a citizen on another network would.
 */
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { localTarget } from '../support/local-target.ts';
import { clientAddress } from '../support/public-api.ts';

export type Language = 'fr' | 'nl' | 'de';

export interface CitizenPage {
  readonly page: Page;
  /** CSP refusals, script errors and requests to any origin but the site, the API and the local S3. */
  readonly problems: string[];
  /** Every JavaScript file the page downloaded, with its gzip size (zlib's default level, as a CDN). */
  readonly scripts: Array<{ path: string; gzipBytes: number }>;
}

/** A cheap phone whose browser speaks `language` (Belgian variant). */
export async function citizenPage(browser: Browser, language: Language = 'fr'): Promise<CitizenPage> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: `${language}-BE`,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: CitizenPage['scripts'] = [];
  const { webUrl, apiUrl, endpoints } = localTarget();
  const allowed = [webUrl, apiUrl, ...Object.values(endpoints)].map((url) => new URL(url).origin);
  page.on('console', (message) => {
    // A failed load is reported with its address below; the API's 404 and 429 are answers, not problems.
    if (/^Failed to load resource/.test(message.text())) return;
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(webUrl) && response.status() >= 400)
      problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && !allowed.includes(new URL(url).origin)) problems.push(`third party: ${url}`);
  });
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(webUrl) || !response.url().endsWith('.js')) return;
    void response.body().then(
      (body) => scripts.push({ path: new URL(response.url()).pathname, gzipBytes: gzipSync(body).length }),
      () => undefined,
    );
  });
  return { page, problems, scripts };
}

/** The gzip size of the scripts downloaded so far (once the page is idle). */
export async function initialScriptGzipBytes(citizen: CitizenPage): Promise<number> {
  await citizen.page.waitForLoadState('networkidle');
  return citizen.scripts.reduce((total, script) => total + script.gzipBytes, 0);
}

/**
 * Sends the page's API calls from a fresh loopback address (127/8 is all loopback on Linux): the public
 * routes count failed look-ups and filings per client address, and the other tests of the run share
 * 127.0.0.1 with this browser. The request and the answer pass through unchanged.
 */
export async function apiFromOwnAddress(page: Page, address = clientAddress()): Promise<string> {
  const { apiUrl } = localTarget();
  await page.route(`${apiUrl}/**`, async (route) => {
    const sent = route.request();
    const url = new URL(sent.url());
    const body = sent.postDataBuffer();
    const answer = await new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
      (resolve, reject) => {
        const call = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname}${url.search}`,
            method: sent.method(),
            headers: sent.headers(),
            localAddress: address,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [name, value] of Object.entries(response.headers)) {
                if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
              }
              resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
            });
          },
        );
        call.on('error', reject);
        call.end(body ?? undefined);
      },
    );
    await route.fulfill(answer);
  });
  return address;
}

/** expect.poll with a deadline that suits two cores shared with the whole local target. */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** The text of an element, trimmed (empty when absent). */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** An amount as the page writes it in `language` (Intl's Belgian variants, as in the browser). */
export function euros(cents: number, language: Language): string {
  return new Intl.NumberFormat(`${language}-BE`, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A calendar date as the page writes it in `language`. */
export function day(date: string, language: Language): string {
  return new Intl.DateTimeFormat(`${language}-BE`, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
