/**
 * A letter run over an imported register and an issuance run, through the API and the letters state machine
 * on the local target: one letter per ACTIVE voucher, one envelope per household, QR codes that decode (read
 * from the PDF the way a phone would) to codes that redeem, nothing left of the manifests, and who may ask.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../shared/aws/clients.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { voucherIdForCode } from '../../shared/vouchers/code-hash.ts';
import { parseCodeOrUrl } from '../../shared/vouchers/voucher-code.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { codeKey, createTestShop, idempotencyKey, mintToken } from '../support/ledger-fixtures.ts';
import { api, fetchRetrying, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import {
  createCampaign,
  finishedRun,
  importRegister,
  pollUntil,
  REGISTER_HEADER,
  startIssuance,
} from '../support/register-api.ts';

/** Three households: three minors at one address, one minor with an awkward name, one adult of 18. */
const PEOPLE = [
  {
    birthDate: '2012-03-04',
    sequence: 31,
    last: 'Martin',
    first: 'Léa',
    street: 'Rue Haute',
    number: '8',
    household: 'H-1',
  },
  {
    birthDate: '2014-06-07',
    sequence: 32,
    last: 'Martin',
    first: 'Tom',
    street: 'Rue Haute',
    number: '8',
    household: 'H-1',
  },
  {
    birthDate: '2016-09-10',
    sequence: 33,
    last: 'Martin',
    first: 'Anaïs',
    street: 'Rue Haute',
    number: '8',
    household: 'H-1',
  },
  {
    birthDate: '2013-01-02',
    sequence: 34,
    last: 'Van den Bergh-Ößmann',
    first: 'Zoë',
    street: 'Rue Émile Cuvelier',
    number: '3',
    household: 'H-2',
  },
  {
    birthDate: '2008-01-15',
    sequence: 35,
    last: 'Wójcik',
    first: 'Łukasz',
    street: 'Avenue des Ormes',
    number: '120',
    household: 'H-3',
  },
];

function register(): Uint8Array {
  const lines = PEOPLE.map((person) => {
    const [year, month, day] = person.birthDate.split('-');
    return [
      makeNationalNumber(person.birthDate, person.sequence),
      person.last,
      person.first,
      `${day}/${month}/${year}`,
      person.street,
      person.number,
      '',
      '7300',
      'Boussu',
      person.household,
    ].join(';');
  });
  return new TextEncoder().encode(`${[REGISTER_HEADER, ...lines].join('\r\n')}\r\n`);
}

const documents = () =>
  createDocumentStore({
    s3: createS3Client({ region: 'eu-west-1', endpoints: localTarget().endpoints }),
    bucket: localTarget().buckets.documents ?? '',
  });

interface LetterRunView {
  status: string;
  letters: number;
  envelopes: number;
  progress: { batchesDone: number; batchesTotal: number };
  batches: Array<{
    batchId: string;
    letters: number;
    envelopes: number;
    pages: number;
    postcodes: { from: string; to: string };
  }>;
}

async function letterRun(campaignId: string, key = idempotencyKey()): Promise<{ runId: string; run: LetterRunView }> {
  const token = await tokenFor('staff');
  const started = await api<{ runId: string }>(`/campaigns/${campaignId}/letter-runs`, {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
  });
  expect(started.status).toBe(202);
  const run = await pollUntil(
    'letter run',
    async () =>
      (await api<LetterRunView>(`/campaigns/${campaignId}/letter-runs/${started.body.runId}`, { token })).body,
    (view) => view.status === 'DONE' || view.status === 'FAILED',
    90_000,
  );
  return { runId: started.body.runId, run };
}

/** The QR codes of a PDF, read from its pages rendered at 150 dpi, as a phone's camera would read the paper. */
function qrCodesOf(pdf: Uint8Array, keepFirstLetter?: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'letters-'));
  try {
    writeFileSync(join(dir, 'batch.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'batch.pdf'), join(dir, 'page')], { stdio: 'pipe' });
    const pages = readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    // The first letter (page 2: page 1 is the batch's cover sheet), kept for a person to look at.
    const letter = pages[1];
    if (keepFirstLetter && letter) {
      mkdirSync(dirname(keepFirstLetter), { recursive: true });
      copyFileSync(join(dir, letter), keepFirstLetter);
    }
    return pages.flatMap((page) => {
      try {
        return execFileSync('zbarimg', ['--raw', '-q', join(dir, page)], { stdio: 'pipe' })
          .toString('utf8')
          .trim()
          .split('\n')
          .filter(Boolean);
      } catch {
        return []; // a page without a QR code (the cover sheet, a back with the shop list)
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let campaignId: string;

/** The vouchers of the campaign that a letter run has printed (their letterRunId is set). */
async function printedVoucherIds(id: string): Promise<string[]> {
  const table = localTable();
  const page = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${id}#VOUCHERS#ACTIVE` },
    }),
  );
  return (page.Items ?? []).filter((item) => item.letterRunId).map((item) => String(item.voucherId));
}

beforeAll(async () => {
  ({ campaignId } = await createCampaign());
  const imported = await importRegister(campaignId, register());
  expect(imported.status).toBe('DONE');
  const issued = await startIssuance(campaignId, randomUUID());
  expect((await finishedRun(campaignId, issued.body.runId)).issued).toBe(PEOPLE.length);
}, 120_000);

describe('a letter run', () => {
  let runId: string;
  let view: LetterRunView;

  it('prints one letter per issued voucher, minors of a household in one envelope', async () => {
    ({ runId, run: view } = await letterRun(campaignId));
    expect(view.status).toBe('DONE');
    expect(view.letters).toBe(5);
    expect(view.envelopes).toBe(3);
    expect(view.batches).toHaveLength(1);
    expect(view.batches[0]).toMatchObject({
      batchId: '1',
      letters: 5,
      envelopes: 3,
      postcodes: { from: '7300', to: '7300' },
    });
    expect(view.progress).toEqual({ batchesDone: 1, batchesTotal: 1 });
  });

  it('writes QR codes that decode to the vouchers’ codes, and a decoded code redeems', async () => {
    const token = await tokenFor('staff');
    const link = await api<{ downloadUrl: string; manifestUrl: string }>(
      `/campaigns/${campaignId}/letter-runs/${runId}/batches/1`,
      { token },
    );
    expect(link.status).toBe(200);
    const pdf = new Uint8Array(await (await fetchRetrying(link.body.downloadUrl)).arrayBuffer());
    const payloads = qrCodesOf(pdf, 'test-results/letters/first-letter.png');
    expect(payloads).toHaveLength(5);
    const codes = payloads.map((payload) => {
      expect(payload).toMatch(new RegExp(`^${localTarget().webUrl}/bon/#`));
      const parsed = parseCodeOrUrl(payload);
      if (!parsed.ok) throw new Error(`not a voucher QR: ${payload}`);
      return parsed.code;
    });
    expect(new Set(codes).size).toBe(5);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    for (const name of ['Léa', 'Anaïs', 'Zoë', 'Van den Bergh-Ößmann', 'Łukasz', 'Wójcik'])
      expect(text).toContain(name);
    expect(text).toContain('100,00');
    expect(text).not.toMatch(/\b(2012|2013|2014|2016|2008)-\d\d-\d\d\b/); // no birth date
    const manifest = await (await fetchRetrying(link.body.manifestUrl)).text();
    expect(manifest.trim().split(/\r?\n/)).toHaveLength(1 + 3);
    expect(manifest).not.toContain(codes[0] ?? 'never');

    const campaign = (await api<Campaign>(`/campaigns/${campaignId}`, { token })).body;
    const shop = await createTestShop({ campaigns: [campaign] });
    const redeemed = await api('/merchant/redemptions', {
      method: 'POST',
      token: shop.token,
      headers: { 'idempotency-key': idempotencyKey() },
      body: { code: payloads[0], amountCents: 1250 },
    });
    expect(redeemed.status).toBe(201);
  });

  it('leaves no manifest part and no plan behind, and prints no voucher twice', async () => {
    expect(await documents().list(`letters/pending/${campaignId}/`)).toEqual([]);
    expect(await documents().list(`letters/runs/${campaignId}/`)).toEqual([]);
    const again = await letterRun(campaignId);
    expect(again.run).toMatchObject({ status: 'DONE', letters: 0, envelopes: 0, batches: [] });
  });

  it('prints a replacement voucher’s letter in the next run, and only that one', async () => {
    const token = await tokenFor('staff');
    const [line] = await printedVoucherIds(campaignId);
    const reissued = await api<{ voucherId: string }>(`/vouchers/${line}/void-and-reissue`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(reissued.status).toBe(201);
    const next = await letterRun(campaignId);
    expect(next.run).toMatchObject({ status: 'DONE', letters: 1, envelopes: 1 });
    const link = await api<{ downloadUrl: string }>(`/campaigns/${campaignId}/letter-runs/${next.runId}/batches/1`, {
      token,
    });
    const payloads = qrCodesOf(new Uint8Array(await (await fetchRetrying(link.body.downloadUrl)).arrayBuffer()));
    expect(payloads).toHaveLength(1);
    const parsed = parseCodeOrUrl(payloads[0] ?? '');
    expect(parsed.ok && voucherIdForCode(codeKey(), parsed.code)).toBe(reissued.body.voucherId);
  });

  it('tells staff the letters are ready', async () => {
    const mails = (await (await fetch(`${localTarget().mailUrl}/store`)).json()) as {
      emails: Array<{ subject: string; destination: { to: string[] } }>;
    };
    expect(
      mails.emails.some(
        (mail) => mail.destination.to.includes('commerce@boussu.example') && mail.subject.includes('5 lettres'),
      ),
    ).toBe(true);
  });

  it('is for staff and admin only', async () => {
    const merchant = await mintToken(['merchant'], 'M-nobody');
    const finance = await tokenFor('finance');
    for (const [method, path] of [
      ['POST', `/campaigns/${campaignId}/letter-runs`],
      ['GET', `/campaigns/${campaignId}/letter-runs`],
      ['GET', `/campaigns/${campaignId}/letter-runs/${runId}`],
      ['GET', `/campaigns/${campaignId}/letter-runs/${runId}/batches/1`],
    ] as const) {
      const headers = { 'idempotency-key': randomUUID() };
      expect((await api(path, { method, headers })).status, path).toBe(401);
      expect((await api(path, { method, headers, token: merchant })).status, path).toBe(403);
      expect((await api(path, { method, headers, token: finance })).status, path).toBe(403);
    }
  });
});
