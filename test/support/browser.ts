/**
 * A headless Chromium driven by playwright-core (which downloads no browser), with the flags this closed
 * network needs, a phone viewport helper and a place for screenshots kept as test artifacts.
 *
 * Which Chromium, in this order: CHROMIUM_PATH; Debian's /usr/bin/chromium; else the one the
 * @sparticuz/chromium devDependency ships inside its package, so that `npm install && npm test` pass on a
 * machine with Node and Java and nothing else. Never a skip: without any, the tests fail saying how to fix it.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../infra/local/target.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const FIX = `Install one: \`sudo apt-get install -y chromium\`, or \`npm install\` (it brings @sparticuz/chromium), or set CHROMIUM_PATH.`;

/** How to start the browser: its binary, and what that binary needs around it. */
export interface ChromiumLaunch {
  readonly executablePath: string;
  /** Where it came from, for the failure message. */
  readonly source: 'CHROMIUM_PATH' | 'debian' | '@sparticuz/chromium';
  readonly env?: Readonly<Record<string, string>>;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The packaged Chromium, unpacked to the temp directory on first use (about 1 to 3 s, then cached). It is
 * built against the NSS libraries and fonts it ships beside it; pointing the process at them makes it
 * independent of what the machine has installed.
 */
async function packagedChromium(): Promise<ChromiumLaunch | undefined> {
  let packaged: typeof import('@sparticuz/chromium');
  try {
    packaged = await import('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  const { default: Chromium, inflate } = packaged;
  const binDir = join(REPO_ROOT, 'node_modules', '@sparticuz', 'chromium', 'bin');
  const [executablePath, libDir] = await Promise.all([
    Chromium.executablePath(),
    inflate(join(binDir, 'al2023.tar.br')),
  ]);
  const fontDir = join(executablePath, '..', 'fonts');
  return {
    executablePath,
    source: '@sparticuz/chromium',
    env: {
      LD_LIBRARY_PATH: [join(libDir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: fontDir,
    },
  };
}

let found: Promise<ChromiumLaunch> | undefined;

/** The Chromium to drive (see the module comment); found once per process. */
export function findChromium(): Promise<ChromiumLaunch> {
  found ??= (async (): Promise<ChromiumLaunch> => {
    const chosen = process.env.CHROMIUM_PATH;
    if (chosen) {
      if (!isExecutable(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} is not an executable file. ${FIX}`);
      return { executablePath: chosen, source: 'CHROMIUM_PATH' };
    }
    if (isExecutable(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
    const packaged = await packagedChromium();
    if (packaged) return packaged;
    throw new Error(`No Chromium found: not CHROMIUM_PATH, not ${DEBIAN_CHROMIUM}, not @sparticuz/chromium. ${FIX}`);
  })();
  return found;
}

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...BASE_FLAGS, ...extraFlags],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
}

/** A page the size of a cheap phone, in French. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-BE',
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
