/**
 * The register import through the API: presigned upload, processing in the background (the local Lambda
 * endpoint), the counts of API.md and the reports, on realistic exports; re-imports are idempotent.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { personKeys } from '../../shared/data/keys.ts';
import type { Person } from '../../shared/people/person.ts';
import { exportBytes, fixtureText } from '../fixtures/register/register-files.ts';
import { api, localTable, tokenFor } from '../support/local-target.ts';
import {
  createCampaign,
  importRegister,
  importStatus,
  pollUntil,
  registerFile,
  registerLine,
} from '../support/register-api.ts';

const population = fixtureText('population-fr.csv');

async function peopleOf(campaignId: string): Promise<Person[]> {
  const table = localTable();
  const result = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': personKeys.partition(campaignId) },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []) as Person[];
}

describe('register import', () => {
  it('imports a Windows-1252 CRLF export: accents, quoted cells, bad lines reported by line, duplicates', async () => {
    const { campaignId } = await createCampaign();
    const status = await importRegister(campaignId, exportBytes(population, { encoding: 'windows-1252', eol: '\r\n' }));
    expect(status).toMatchObject({
      status: 'DONE',
      file: { encoding: 'windows-1252', bom: false, delimiter: ';' },
      rows: { total: 17, valid: 12, invalid: 5 },
      // 7 in the bands (0-18 and 19-21 on 1 December 2026) are kept; the 3 adults are counted, not kept.
      people: { new: 7, updated: 0, unchanged: 0, missing: 0, notEligible: 3 },
      eligible: { automatic: 5, onApplication: 2 },
      duplicates: 2,
      missingReportUrl: null,
      error: null,
    });

    const report = Buffer.from(await (await fetch(status.reportUrl ?? '')).arrayBuffer());
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = report.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ligne;code;motif');
    expect(lines.slice(1).map((line) => line.split(';').slice(0, 2).join(';'))).toEqual([
      '8;NATIONAL_NUMBER_CHECK_DIGITS',
      '10;BIRTH_DATE_IMPOSSIBLE',
      '11;BIRTH_DATE_IN_FUTURE',
      '12;BIRTH_DATE_MISMATCH',
      '13;FIRST_NAME_MISSING',
      '15;DOUBLON_DIFFERENT',
    ]);
    expect(lines[1]).toContain('chiffres de contrôle');

    const kept = await peopleOf(campaignId);
    expect(kept.map((person) => `${person.firstName} ${person.lastName}`).sort()).toEqual(
      [
        "Amélie D'Hondt",
        'Julie Simon',
        'Léna Müller-Lüdenscheidt',
        'Noé Lefèvre',
        'Pieter "Piet" Van den Bossche',
        'Zofia Nowak',
        'Zoé Dubois',
      ].sort(),
    );
    const amelie = kept.find((person) => person.lastName === "D'Hondt");
    expect(amelie?.address).toEqual({
      street: 'Chaussée de Louvain; bloc B',
      houseNumber: '7',
      box: 'A',
      postcode: '5000',
      locality: 'Namur',
    });
    // Minimised: no national number, no register household id, nothing of the adults.
    const stored = JSON.stringify(kept);
    for (const number of ['10051415290', '1005141529', '13061810192', '80122401757'])
      expect(stored).not.toContain(number);
    expect(stored).not.toContain('M-0001');
    expect(stored).not.toContain('Jean-Pierre');
    expect(kept.find((person) => person.firstName === 'Julie')?.eligibility).toBe('ON_APPLICATION');
  });

  it('reads a Dutch tab-separated export, and UTF-8 with a BOM', async () => {
    const { campaignId } = await createCampaign();
    const dutch = await importRegister(
      campaignId,
      exportBytes(fixtureText('bevolking-nl.tsv'), { encoding: 'windows-1252', eol: '\r\n' }),
    );
    expect(dutch).toMatchObject({
      status: 'DONE',
      file: { delimiter: '\t', encoding: 'windows-1252' },
      people: { new: 2 },
    });
    const bom = await importRegister(campaignId, exportBytes(population, { encoding: 'utf-8-bom' }));
    expect(bom).toMatchObject({ status: 'DONE', file: { encoding: 'utf-8', bom: true }, rows: { total: 17 } });
    // Zoé and Léna were already there (same national numbers, other addresses): updated, not duplicated.
    expect(bom.people).toMatchObject({ new: 5, updated: 2, unchanged: 0 });
    expect(await peopleOf(campaignId)).toHaveLength(7);
  });

  it('fails a file without a required column, naming it in French, and keeps nothing of it', async () => {
    const { campaignId } = await createCampaign();
    const withoutBirthDate = population
      .split('\n')
      .map((line) =>
        line
          .split(';')
          .filter((_cell, index) => index !== 3)
          .join(';'),
      )
      .join('\n');
    const status = await importRegister(campaignId, exportBytes(withoutBirthDate));
    expect(status.status).toBe('FAILED');
    expect(status.error?.code).toBe('MISSING_COLUMNS');
    expect(status.error?.message).toMatch(/date de naissance/);
    expect(status.reportUrl).toBeNull();
    expect(await peopleOf(campaignId)).toEqual([]);
  });

  it('re-imports idempotently: same file unchanged; updated file updates, adds, and reports who is missing', async () => {
    const { campaignId } = await createCampaign();
    const people = Array.from({ length: 6 }, (_unused, index) => ({
      birthDate: `2012-03-${String(index + 10).padStart(2, '0')}`,
      sequence: 100 + index,
      lastName: ['Dubois', 'Peeters', 'Janssens', 'Maes', 'Claes', 'Wouters'][index],
    }));
    const first = registerFile(people.map((person) => registerLine(person)));
    expect((await importRegister(campaignId, first)).people).toEqual({
      new: 6,
      updated: 0,
      unchanged: 0,
      missing: 0,
      notEligible: 0,
    });
    expect((await importRegister(campaignId, first)).people).toEqual({
      new: 0,
      updated: 0,
      unchanged: 6,
      missing: 0,
      notEligible: 0,
    });

    const [moved, gone, ...rest] = people;
    if (!moved || !gone) throw new Error('fixture');
    const updated = registerFile([
      registerLine({ ...moved, street: 'Rue Neuve' }),
      ...rest.map((person) => registerLine(person)),
      registerLine({ birthDate: '2015-06-01', sequence: 300, lastName: 'Nouveau' }),
    ]);
    const status = await importRegister(campaignId, updated);
    expect(status.people).toEqual({ new: 1, updated: 1, unchanged: 4, missing: 1, notEligible: 0 });
    const missing = await (await fetch(status.missingReportUrl ?? '')).text();
    const lookUps = await createAuditStore(localTable()).forEntity('import', status.importId);
    expect(lookUps.filter((event) => event.action === 'VIEW_MISSING_PEOPLE').length).toBeGreaterThan(0);
    expect(missing).toContain('Peeters');
    expect(missing).toContain('11/03/2012');

    const kept = await peopleOf(campaignId);
    expect(kept).toHaveLength(7);
    expect(kept.find((person) => person.lastName === 'Dubois')?.address.street).toBe('Rue Neuve');
    const absent = kept.find((person) => person.lastName === 'Peeters');
    expect(absent?.absentSince).toBe(status.importId);
    expect(absent).not.toHaveProperty('gsi1pk');

    // Back in the next file: present again, counted as updated.
    const back = await importRegister(campaignId, registerFile(people.map((person) => registerLine(person))));
    expect(back.people).toMatchObject({ new: 0, updated: 2, missing: 1 });
  });

  it('answers 409 to processing before the upload, and 202 again (nothing more) to a second request', async () => {
    const { campaignId } = await createCampaign();
    const token = await tokenFor('staff');
    const created = await api<{ importId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(
      `/campaigns/${campaignId}/imports`,
      { method: 'POST', token },
    );
    const process = () =>
      api<{ status: string; code?: string }>(`/campaigns/${campaignId}/imports/${created.body.importId}/process`, {
        method: 'POST',
        token,
      });
    const early = await process();
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('UPLOAD_MISSING');
    const bytes = registerFile([registerLine({ birthDate: '2014-01-02', sequence: 7 })]);
    await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.uploadHeaders,
      body: Buffer.from(bytes),
    });
    const [a, b] = await Promise.all([process(), process()]);
    expect([a?.status, b?.status]).toEqual([202, 202]);
    const done = await pollUntil(
      'import',
      () => importStatus(campaignId, created.body.importId),
      (s) => s.status === 'DONE',
    );
    expect(done.people.new).toBe(1);
    expect((await process()).body.status).toBe('DONE');
    // The register file (national numbers in clear) is gone once read.
    expect((await fetch(created.body.uploadUrl.replace(/\?.*$/, ''))).status).not.toBe(200);
  });

  it('signs the upload URL for the size announced: S3 refuses a longer body, and a size over the limit is refused', async () => {
    const { campaignId } = await createCampaign();
    const token = await tokenFor('staff');
    const bytes = registerFile([registerLine({ birthDate: '2014-01-02', sequence: 8 })]);
    const created = await api<{ importId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(
      `/campaigns/${campaignId}/imports`,
      { method: 'POST', token, body: { bytes: bytes.length } },
    );
    expect(created.status).toBe(201);
    expect(new URL(created.body.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toContain('content-length');
    const padded = Buffer.concat([Buffer.from(bytes), Buffer.alloc(1024, 0x20)]);
    const refused = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.uploadHeaders,
      body: padded,
    });
    expect(refused.ok).toBe(false);
    const accepted = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.uploadHeaders,
      body: Buffer.from(bytes),
    });
    expect(accepted.status).toBe(200);

    const tooBig = await api<{ code: string }>(`/campaigns/${campaignId}/imports`, {
      method: 'POST',
      token,
      body: { bytes: 200 * 1024 * 1024 + 1 },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.code).toBe('VALIDATION_FAILED');
  });

  it('knows no import of another campaign, and is for staff only', async () => {
    const { campaignId } = await createCampaign();
    const other = await createCampaign();
    const token = await tokenFor('staff');
    const created = await api<{ importId: string }>(`/campaigns/${campaignId}/imports`, { method: 'POST', token });
    expect((await api(`/campaigns/${other.campaignId}/imports/${created.body.importId}`, { token })).status).toBe(404);
    expect(
      (await api(`/campaigns/${campaignId}/imports`, { method: 'POST', token: await tokenFor('merchant') })).status,
    ).toBe(403);
    expect((await api('/campaigns/nope-nope/imports', { method: 'POST', token })).status).toBe(404);
  });
});
