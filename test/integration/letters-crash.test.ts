/**
 * A letter run killed between any two of its steps and asked for again: the resumed run prints every
 * voucher's letter exactly once (counted from the QR codes of the PDFs), and leaves no manifest part behind.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterTasks } from '../../functions/letters/tasks/letter-tasks.ts';
import { LETTERS_WORKFLOW } from '../../infra/workflows/workflow-table.ts';
import { createS3Client, createSesClient } from '../../shared/aws/clients.ts';
import { createSesMailer } from '../../shared/aws/ses-mailer.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { letterRunKeys } from '../../shared/data/keys.ts';
import { createLetterStore } from '../../shared/data/letter-store.ts';
import { updateItem } from '../../shared/data/table.ts';
import { transactWrite } from '../../shared/data/transactions.ts';
import { DEMO_LOGO } from '../../shared/letters/demo-logo.ts';
import type { LetterPipelineDependencies } from '../../shared/services/letter-pipeline.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { codeKey, idempotencyKey } from '../support/ledger-fixtures.ts';
import { api, fetchRetrying, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import {
  createCampaign,
  finishedRun,
  importRegister,
  pollUntil,
  REGISTER_HEADER,
  startIssuance,
} from '../support/register-api.ts';
import { afterStep, executeWorkflow } from '../support/workflow-executions.ts';

/** Seven households of one or two minors: with two envelopes a batch, four print batches. */
function register(): Uint8Array {
  const lines = Array.from({ length: 10 }, (_unused, index) => {
    const sequence = 100 + index;
    const household = `H-${Math.floor(index / 1.5)}`;
    return [
      makeNationalNumber('2012-05-14', sequence),
      `Famille ${household}`,
      `Enfant ${index}`,
      '14/05/2012',
      'Rue du Moulin',
      household.slice(2),
      '',
      `73${household.slice(2).padStart(2, '0')}`,
      'Boussu',
      household,
    ].join(';');
  });
  return new TextEncoder().encode(`${[REGISTER_HEADER, ...lines].join('\r\n')}\r\n`);
}

function pipelineDependencies(): LetterPipelineDependencies {
  const { endpoints, buckets, webUrl } = localTarget();
  return {
    table: localTable(),
    documents: createDocumentStore({
      s3: createS3Client({ region: 'eu-west-1', endpoints }),
      bucket: buckets.documents ?? '',
    }),
    codeKey: codeKey(),
    sendMail: createSesMailer({
      ses: createSesClient({ region: 'eu-west-1', endpoints }),
      from: 'test@boussu.example',
    }),
    now: () => new Date(),
    config: {
      town: {
        name: 'Boussu',
        letterhead: 'Commune de Boussu (démo)',
        returnAddress: { street: 'Rue Grande', houseNumber: '1', box: null, postcode: '7300', locality: 'Boussu' },
        phone: '065 00 00 00',
        email: 'commerce@boussu.example',
        publicSiteUrl: webUrl,
        logo: DEMO_LOGO,
      },
      staffEmails: ['commerce@boussu.example'],
      graceMinutes: 15,
      maxEnvelopesPerBatch: 2,
    },
  };
}

/** Every QR code of every PDF of the run, read from the rendered pages. */
async function printedCodes(campaignId: string, runId: string, batches: number): Promise<string[]> {
  const token = await tokenFor('staff');
  const codes: string[] = [];
  for (let batch = 1; batch <= batches; batch++) {
    const link = await api<{ downloadUrl: string }>(`/campaigns/${campaignId}/letter-runs/${runId}/batches/${batch}`, {
      token,
    });
    const pdf = new Uint8Array(await (await fetchRetrying(link.body.downloadUrl)).arrayBuffer());
    const dir = mkdtempSync(join(tmpdir(), 'letters-crash-'));
    try {
      writeFileSync(join(dir, 'batch.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'batch.pdf'), join(dir, 'page')], { stdio: 'pipe' });
      for (const page of readdirSync(dir).filter((name) => name.endsWith('.png'))) {
        try {
          const out = execFileSync('zbarimg', ['--raw', '-q', join(dir, page)], { stdio: 'pipe' }).toString('utf8');
          codes.push(...out.trim().split('\n').filter(Boolean));
        } catch {
          // a page without a QR code: the cover sheet, or a back with the shop list
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return codes;
}

describe('a letter run killed between two steps', () => {
  // plan, then four batches, then finish: kills after the plan, after the first batch, and after the last one.
  it.each([0, 1, 4])('after step %i is resumed by the next request: every letter once, none lost', async (kill) => {
    const { campaignId } = await createCampaign();
    expect((await importRegister(campaignId, register())).status).toBe('DONE');
    const issued = await startIssuance(campaignId, randomUUID());
    expect((await finishedRun(campaignId, issued.body.runId)).issued).toBe(10);

    // The run as POST letter-runs records it; a first execution dies after step `kill`.
    const runs = createLetterStore(localTable());
    const runId = `L${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
    await transactWrite(localTable(), {
      run: runs.createRunItem({
        runId,
        campaignId,
        status: 'PENDING',
        createdAt: new Date().toISOString(),
        createdBy: 'test',
      }),
    });
    const first = await executeWorkflow(
      LETTERS_WORKFLOW,
      letterTasks(pipelineDependencies()),
      { runId },
      {
        killAfter: afterStep(kill),
      },
    );
    expect(first.killed).toBe(true);
    // Later: its lease has long expired, and staff ask for letters again.
    await updateItem(localTable(), {
      Key: letterRunKeys.item(runId),
      UpdateExpression: 'SET leaseUntil = :past',
      ExpressionAttributeValues: { ':past': 0 },
    });
    const token = await tokenFor('staff');
    const again = await api<{ runId: string }>(`/campaigns/${campaignId}/letter-runs`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(again.body.runId).toBe(runId);
    const run = await pollUntil(
      'resumed letter run',
      async () =>
        (
          await api<{ status: string; letters: number; batches: unknown[] }>(
            `/campaigns/${campaignId}/letter-runs/${runId}`,
            { token },
          )
        ).body,
      (view) => view.status === 'DONE' || view.status === 'FAILED',
      90_000,
    );
    expect(run).toMatchObject({ status: 'DONE', letters: 10 });
    expect(run.batches).toHaveLength(4);
    const codes = await printedCodes(campaignId, runId, 4);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await pipelineDependencies().documents.list(`letters/pending/${campaignId}/`)).toEqual([]);
  });
});
