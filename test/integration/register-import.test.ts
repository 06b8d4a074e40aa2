/**
 * The register import through the API: presigned upload, processing in the background (the local Lambda
 * endpoint), the counts of API.md and the rejected-lines report, on realistic exports.
 */
import { describe, expect, it } from 'vitest';
import { exportBytes, fixtureText } from '../fixtures/register/register-files.ts';
import { api, localTable, tokenFor } from '../support/local-target.ts';
import { createCampaign, importRegister, registerFile, registerLine } from '../support/register-api.ts';

const population = fixtureText('population-fr.csv');

describe('register import', () => {
  it('imports a Windows-1252 CRLF export with accents, quotes, bad lines and duplicates', async () => {
    const { campaignId } = await createCampaign();
    const status = await importRegister(campaignId, exportBytes(population, { encoding: 'windows-1252', eol: '\r\n' }));
    expect(status.status).toBe('DONE');
    expect(status.file).toEqual({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect(status.rows).toEqual({ total: 17, valid: 12, invalid: 5 });
    expect(status.people).toEqual({ new: 7, updated: 0, unchanged: 0, missing: 0, notEligible: 3 });
    expect(status.eligible).toEqual({ automatic: 5, onApplication: 2 });
    expect(status.duplicates).toBe(2);
    expect(status.reportUrl).toMatch(/^http:\/\/127\.0\.0\.1/);
    const report = await (await fetch(status.reportUrl ?? '')).text();
    console.log(report);
  });
});
