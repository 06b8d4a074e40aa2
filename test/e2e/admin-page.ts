/**
 * What the admin page's end-to-end tests share: a desk-sized page in French that records Content-Security-
 * Policy violations, the sign-in, moving between screens, and screenshots with an axe-core audit on each.
 * (Not a test file: the admin*.test.ts files import it.)
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { localTarget } from '../support/local-target.ts';
import { seriousAccessibilityViolations } from './scanner-page.ts';

export const adminUrl = () => `${localTarget().webUrl}/admin/`;

export interface AdminPage {
  readonly page: Page;
  /** Messages of the browser about blocked content (CSP): the page must cause none. */
  readonly cspViolations: string[];
}

/** A 1280 × 900 desk screen in French. */
export async function deskPage(browser: Browser): Promise<AdminPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-BE' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => cspViolations.push(`page error: ${error.message}`));
  return { page, cspViolations };
}

/**
 * expect.poll with a deadline for a page that waits on the API: the tests share two cores with the whole
 * local target (and, on a developer's machine, with other test runs), so an answer may take seconds.
 */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).filter({ visible: true });

export async function expectScreen(page: Page, title: string): Promise<void> {
  await poll(() => heading(page).textContent()).toBe(title);
  // Each new screen moves the focus to its heading (or to the field it asks for next).
  await poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/^(H1|H2|TEXTAREA|INPUT)$/);
}

export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(adminUrl());
  await expectScreen(page, 'Connexion du personnel');
  await page.getByLabel('Identifiant', { exact: true }).fill(user.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** Follows a link of the navigation, as a person would. */
export async function goTo(page: Page, link: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: link, exact: true }).click();
  await expectScreen(page, title);
}

export const button = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).filter({ visible: true });

/** A screenshot under test-results/screenshots/admin-<name>.png, and no serious or critical axe violation. */
export async function audit(page: Page, name: string): Promise<void> {
  await screenshot(page, `admin-${name}`);
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
}

/** The text of the visible element matching `selector`. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).filter({ visible: true }).first().textContent()) ?? '').trim();
}
