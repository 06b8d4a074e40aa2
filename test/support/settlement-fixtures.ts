/**
 * Test data for settlement against a private target: a campaign, shops with or without an IBAN, vouchers,
 * and redemptions made through the merchant API; and a way to follow a run to a status.
 */

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { SYSTEM_ACTOR } from '../../shared/ledger/audit-event.ts';
import { createVoucherService } from '../../shared/services/voucher-service.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import type { PrivateTarget } from './private-target.ts';

export const PAIN001_XSD = new URL('../fixtures/standards/pain.001.001.09.xsd', import.meta.url).pathname;

export interface SettlementShop {
  readonly merchantId: string;
  readonly name: string;
  readonly token: string;
}

export async function createCampaign(env: PrivateTarget): Promise<Campaign> {
  const today = brusselsDateOf(new Date());
  const campaign: Campaign = {
    campaignId: `cmp-${randomUUID().slice(0, 8)}`,
    name: 'Settlement test campaign',
    faceValueCents: 10_000,
    budgetCents: 100_000_000,
    startDate: addDays(today, -30),
    endDate: addDays(today, 60),
    referenceDate: addDays(today, -30),
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
  };
  await createCampaignStore(env.table).create(campaign);
  return campaign;
}

export async function createShop(
  env: PrivateTarget,
  campaign: Campaign,
  options: { name?: string; iban?: string | null } = {},
): Promise<SettlementShop> {
  const merchantId = `M${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
  const name = options.name ?? `Shop ${merchantId.slice(-6)}`;
  const store = createMerchantStore(env.table);
  await store.create({
    merchantId,
    name,
    category: 'other',
    address: { street: 'Rue du Test', number: '1', postcode: '7300', locality: 'Boussu' },
    ...(options.iban === null ? {} : { iban: options.iban ?? 'BE68539007547034' }),
    email: `${merchantId.toLowerCase()}@shops.test.invalid`,
    status: 'ACTIVE',
    createdAt: new Date().toISOString(),
  });
  await store.enrol(merchantId, campaign, new Date().toISOString());
  return { merchantId, name, token: await env.token(['merchant'], merchantId) };
}

export async function issueVoucher(env: PrivateTarget, campaign: Campaign): Promise<string> {
  const service = createVoucherService({ table: env.table, codeKey: env.codeKey, now: () => new Date() });
  const result = await service.issue({
    campaign,
    beneficiaryRef: `person-${randomUUID()}`,
    householdRef: `household-${randomUUID()}`,
    actor: SYSTEM_ACTOR,
    requestId: 'test',
  });
  if (result.outcome !== 'ISSUED') throw new Error(`not issued: ${result.outcome}`);
  return formatCode(result.code);
}

export async function redeem(env: PrivateTarget, shop: SettlementShop, code: string, amountCents: number) {
  const answer = await env.api<{ redemptionId: string; amountCents: number }>('/merchant/redemptions', {
    method: 'POST',
    token: shop.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { code, amountCents },
  });
  if (answer.status !== 201) throw new Error(`redemption refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface RunView {
  readonly runId: string;
  readonly status: string;
  readonly cutoff: string;
  readonly payoutDeadline: string | null;
  readonly totalCents: number;
  readonly settlements: ReadonlyArray<{
    settlementId: string;
    merchantId: string;
    amountCents: number;
    redemptions: number;
    remittanceReference: string | null;
    status: string;
    payoutDate: string | null;
  }>;
  readonly waiting: ReadonlyArray<{ merchantId: string; amountCents: number; redemptions: number; reason: string }>;
  readonly files: readonly string[];
  readonly reportsSentAt?: string;
}

/** Polls the run until it reaches one of `statuses` (or the deadline passes). */
export async function waitForRun(
  env: PrivateTarget,
  token: string,
  runId: string,
  statuses: readonly string[],
  timeoutMs = 45_000,
  also: (run: RunView) => boolean = () => true,
): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  let last: RunView | undefined;
  while (Date.now() < deadline) {
    const answer = await env.api<RunView>(`/settlement-runs/${runId}`, { token });
    if (answer.status !== 200) throw new Error(`GET run: ${answer.status} ${JSON.stringify(answer.body)}`);
    last = answer.body;
    if (statuses.includes(last.status) && also(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${runId} did not reach ${statuses.join('/')} in time: ${JSON.stringify(last)}`);
}

/** Validates a pain.001.001.09 document with xmllint against the XSD; returns xmllint's complaint, or ''. */
export function xsdProblems(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pain001-'));
  try {
    const file = join(dir, 'payment.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', PAIN001_XSD, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
