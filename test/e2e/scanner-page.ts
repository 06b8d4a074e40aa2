/**
 * What the scanner's end-to-end tests share: a fresh shop with a user who can sign in on the page, the
 * page itself on a phone, the steps a shopkeeper takes, an axe-core audit and the shop's list from the API.
 * (Not a test file: the scanner*.test.ts files import it.)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { merchantKeys } from '../../shared/data/keys.ts';
import { createTestShop, type TestShop } from '../support/ledger-fixtures.ts';
import { api, localTable, localTarget } from '../support/local-target.ts';

export interface ShopUser extends TestShop {
  readonly username: string;
  readonly password: string;
}

/** A new shop enrolled in `campaigns`, with a merchant user in the local identity provider's user file. */
export async function createShopUser(campaigns: Campaign[]): Promise<ShopUser> {
  const shop = await createTestShop({ campaigns });
  const username = `caisse-${shop.merchantId}`;
  const password = randomUUID();
  const identity = await LocalIdentityProvider.open(localTarget().identityDir);
  identity.upsertUser({ username, password, roles: ['merchant'], merchantId: shop.merchantId });
  return { ...shop, username, password };
}

/**
 * Marks the shops a test file created as inactive once it is done: the end-to-end tier shares one target,
 * and the public page's test counts the active shops of the demo town.
 */
export async function retireShops(shops: readonly TestShop[]): Promise<void> {
  const table = localTable();
  for (const shop of shops) {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: merchantKeys.item(shop.merchantId),
        UpdateExpression: 'SET #status = :inactive',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inactive': 'INACTIVE' },
      }),
    );
  }
}

export const scannerUrl = () => `${localTarget().webUrl}/scanner/`;

/** The page's heading, the first thing each screen focuses. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

export async function expectScreen(page: Page, title: string): Promise<void> {
  await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toBe(title);
  // Each new screen moves the focus to its heading.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/^(H1|P)$/);
}

export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(scannerUrl());
  await expectScreen(page, 'Connexion du commerce');
  await page.getByLabel('Identifiant', { exact: true }).fill(user.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expectScreen(page, 'Scanner un bon');
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Code du bon', exact: true }).fill(code);
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
}

export async function typeAmount(page: Page, amount: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Montant', exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Encaisser', exact: true }).click();
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The text of the first visible element matching `selector`. */
export async function visibleText(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).filter({ visible: true }).first().textContent()) ?? '').trim();
}

/** Requests the page sent to the API, to prove what was (not) sent. */
export function recordApiRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(localTarget().apiUrl)) requests.push(request);
  });
  return requests;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; answers the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's CSP (no inline scripts) does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((n) => n.target))}`,
    );
}

export interface ShopRedemptions {
  items: Array<{ redemptionId: string; reference: string; amountCents: number; status: string }>;
  totalCents: number;
  count: number;
}

export async function shopRedemptions(shop: TestShop): Promise<ShopRedemptions> {
  const answer = await api<ShopRedemptions>('/merchant/redemptions', { token: shop.token });
  expect(answer.status).toBe(200);
  return answer.body;
}

export async function balanceOf(shop: TestShop, code: string): Promise<number> {
  const answer = await api<{ balanceCents: number }>(`/merchant/vouchers/${encodeURIComponent(code)}`, {
    token: shop.token,
  });
  expect(answer.status).toBe(200);
  return answer.body.balanceCents;
}

export type { Browser, Page };
