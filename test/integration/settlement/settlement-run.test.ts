/**
 * A settlement run end to end on a private local target: the state machine the stack deploys, run by the
 * local Step Functions endpoint with the real handlers. Payment file valid against the XSD and equal to the
 * ledger to the cent, statement and summary, mails, approval, payout, and the refusals around them.
 */

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/campaigns/campaign.ts';
import { parseStructuredCommunication } from '../../../shared/payments/structured-communication.ts';
import { addDays, brusselsDateOf } from '../../../shared/time/calendar-date.ts';
import { type PrivateTarget, startPrivateTarget } from '../../support/private-target.ts';
import {
  createCampaign,
  createShop,
  issueVoucher,
  redeem,
  type SettlementShop,
  waitForRun,
  xsdProblems,
} from '../../support/settlement-fixtures.ts';

let env: PrivateTarget;
let campaign: Campaign;
let finance: string;
let shops: SettlementShop[];
let noIban: SettlementShop;
/** What each shop redeemed, by shop id: the ledger's side of the comparison. */
const redeemed = new Map<string, number[]>();

beforeAll(async () => {
  env = await startPrivateTarget();
  campaign = await createCampaign(env);
  finance = await env.token(['finance']);
  shops = [
    await createShop(env, campaign, { name: 'Boulangerie Dupré & Fils' }),
    await createShop(env, campaign, { name: 'Bäckerei Müller-Ößmann' }),
    await createShop(env, campaign, { name: 'Łódź Deli' }),
  ];
  noIban = await createShop(env, campaign, { name: 'Sans Compte', iban: null });
  for (const [index, shop] of shops.entries()) {
    const amounts = [1250 + index, 999, 1];
    for (const amount of amounts) await redeem(env, shop, await issueVoucher(env, campaign), amount);
    redeemed.set(shop.merchantId, amounts);
  }
  await redeem(env, noIban, await issueVoucher(env, campaign), 4200);
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

const startRun = (body: unknown, key = randomUUID(), token = finance) =>
  env.api<{ runId: string }>('/settlement-runs', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
    ...(body === undefined ? {} : { body }),
  });

const download = async (runId: string, kind: string) => {
  const link = await env.api<{ downloadUrl: string }>(`/settlement-runs/${runId}/files/${kind}`, { token: finance });
  expect(link.status).toBe(200);
  const response = await fetch(link.body.downloadUrl);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

describe('a settlement run', () => {
  let runId: string;

  it('refuses a cut-off in the future, and needs a key', async () => {
    const future = await startRun({ cutoff: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ code: 'CUTOFF_IN_FUTURE' });
    const noKey = await env.api('/settlement-runs', { method: 'POST', token: finance, body: {} });
    expect(noKey.status).toBe(400);
    expect(noKey.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  });

  it('closes every shop with an IBAN and waits for approval; the same key answers the same run', async () => {
    const key = randomUUID();
    const body = { cutoff: new Date().toISOString() };
    const started = await startRun(body, key);
    expect(started.status).toBe(202);
    runId = started.body.runId;
    expect((await startRun(body, key)).body).toEqual({ runId });
    const otherBody = await startRun({ cutoff: new Date(Date.now() - 60_000).toISOString() }, key);
    expect(otherBody.status).toBe(409);
    expect(otherBody.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const run = await waitForRun(env, finance, runId, ['AWAITING_APPROVAL', 'FAILED', 'EMPTY']);
    expect(run.status).toBe('AWAITING_APPROVAL');
    expect(run.settlements.map((s) => s.merchantId).sort()).toEqual(shops.map((s) => s.merchantId).sort());
    for (const settlement of run.settlements) {
      const amounts = redeemed.get(settlement.merchantId) ?? [];
      expect(settlement.amountCents).toBe(amounts.reduce((a, b) => a + b, 0));
      expect(settlement.redemptions).toBe(amounts.length);
      expect(parseStructuredCommunication(settlement.remittanceReference ?? '')).toBeDefined();
    }
    expect(run.totalCents).toBe([...redeemed.values()].flat().reduce((a, b) => a + b, 0));
    expect(run.waiting).toEqual([
      {
        merchantId: noIban.merchantId,
        merchantName: 'Sans Compte',
        amountCents: 4200,
        redemptions: 1,
        reason: 'NO_IBAN',
      },
    ]);
    // Days are the town's (Brussels): between 22:00 and midnight UTC the UTC date is a day behind.
    const today = brusselsDateOf(new Date());
    expect(run.payoutDeadline && run.payoutDeadline > today).toBe(true);
  });

  it('writes a payment file that validates against pain.001.001.09 and equals the ledger', async () => {
    const xml = (await download(runId, 'payment-file')).toString('utf8');
    expect(xsdProblems(xml)).toBe('');
    const total = [...redeemed.values()].flat().reduce((a, b) => a + b, 0);
    const cents = (text: string) => Math.round(Number(text) * 100);
    const controlSums = [...xml.matchAll(/<CtrlSum>([\d.]+)<\/CtrlSum>/g)].map((match) => cents(match[1] ?? ''));
    expect(controlSums).toEqual([total, total]);
    expect([...xml.matchAll(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)].map((match) => Number(match[1]))).toEqual([3, 3]);
    const amounts = [...xml.matchAll(/<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>/g)].map((match) =>
      cents(match[1] ?? ''),
    );
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(total);
    // Names transliterated into the EPC character set, not dropped.
    expect(xml).toContain('<Nm>Backerei Muller-Ossmann</Nm>');
    expect(xml).toContain('<Nm>Lodz Deli</Nm>');
    expect(xml).not.toMatch(/[^\x20-\x7E\r\n\t]/);
    expect(xml).not.toContain('Sans Compte');
  });

  it('writes the statement (one line per purchase) and the PDF summary', async () => {
    const csv = (await download(runId, 'statement-csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 9);
    expect(csv).toContain('12,50');
    expect(csv).toContain('Bäckerei Müller-Ößmann');
    const pdf = await download(runId, 'summary-pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain(runId);
    expect(text).toContain('Łódź Deli');
    expect(text).toContain('Sans Compte');
  });

  it('mails finance the summary with the three files, and each paid shop its remittance advice', async () => {
    await waitForRun(env, finance, runId, ['AWAITING_APPROVAL'], 30_000, (run) => run.reportsSentAt !== undefined);
    const mails = await env.mails();
    const report = mails.find(
      (mail) => mail.destination.to.includes('finances@boussu.example') && mail.subject.includes(runId),
    );
    expect(report?.attachments.map((file) => file.filename).sort()).toEqual([
      `paiement-${runId}.xml`,
      `releve-${runId}.csv`,
      `synthese-${runId}.pdf`,
    ]);
    for (const shop of shops) {
      const advice = mails.filter((mail) =>
        mail.destination.to.includes(`${shop.merchantId.toLowerCase()}@shops.test.invalid`),
      );
      expect(advice).toHaveLength(1);
    }
    expect(
      mails.some((mail) => mail.destination.to.includes(`${noIban.merchantId.toLowerCase()}@shops.test.invalid`)),
    ).toBe(false);
  });

  it('refuses to cancel a settled purchase, and shows the shop its settlement', async () => {
    const shop = shops[0] as SettlementShop;
    // The purchases were made as the file started, which may have been the day before (in Brussels).
    const today = brusselsDateOf(new Date());
    const list = await env.api<{ items: Array<{ redemptionId: string; settled: boolean }> }>(
      `/merchant/redemptions?from=${addDays(today, -1)}&to=${today}`,
      { token: shop.token },
    );
    const settled = list.body.items.find((item) => item.settled);
    expect(settled).toBeDefined();
    const reversal = await env.api(`/merchant/redemptions/${settled?.redemptionId}/reversal`, {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(reversal.status).toBe(409);
    expect(reversal.body).toMatchObject({ code: 'ALREADY_SETTLED' });
    const mine = await env.api<{ items: Array<{ runId: string; status: string; amountCents: number }> }>(
      '/merchant/settlements',
      { token: shop.token },
    );
    expect(mine.body.items).toEqual([expect.objectContaining({ runId, status: 'PENDING', amountCents: 2250 })]);
  });

  it('records the payout once finance approves; a second approval or an unknown run is refused', async () => {
    const approval = (key = randomUUID(), id = runId) =>
      env.api(`/settlement-runs/${id}/approval`, {
        method: 'POST',
        token: finance,
        headers: { 'idempotency-key': key },
      });
    const key = randomUUID();
    const approvedFrom = brusselsDateOf(new Date());
    const first = await approval(key);
    expect(first.status).toBe(200);
    expect((await approval(key)).body).toEqual(first.body);
    const again = await approval();
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'RUN_ALREADY_APPROVED' });
    const unknown = await approval(randomUUID(), 'P0000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SETTLEMENT_RUN_NOT_FOUND' });
    const paid = await waitForRun(env, finance, runId, ['PAID']);
    const approvedBy = brusselsDateOf(new Date());
    expect(paid.settlements.every((settlement) => settlement.status === 'PAID')).toBe(true);
    // The payout date is the Brussels day of the approval.
    for (const { payoutDate } of paid.settlements) {
      expect(payoutDate && payoutDate >= approvedFrom && payoutDate <= approvedBy, String(payoutDate)).toBe(true);
    }
    const mine = await env.api<{ items: Array<{ status: string; payoutDate: string | null }> }>(
      '/merchant/settlements',
      {
        token: (shops[0] as SettlementShop).token,
      },
    );
    expect(mine.body.items[0]?.status).toBe('PAID');
  });

  it('settles nothing twice: the next run is empty but for the shop that still has no IBAN', async () => {
    const next = await startRun({ cutoff: new Date().toISOString() });
    const run = await waitForRun(env, finance, next.body.runId, ['EMPTY', 'AWAITING_APPROVAL', 'FAILED']);
    expect(run.status).toBe('EMPTY');
    expect(run.settlements).toEqual([]);
    expect(run.waiting.map((shop) => shop.merchantId)).toEqual([noIban.merchantId]);
  });

  it('keeps finance and admin only: a shop and an anonymous caller are refused', async () => {
    const shop = shops[0] as SettlementShop;
    expect((await env.api('/settlement-runs', { token: shop.token })).status).toBe(403);
    expect((await env.api(`/settlement-runs/${runId}`)).status).toBe(401);
    expect((await startRun({}, randomUUID(), shop.token)).status).toBe(403);
  });
});
