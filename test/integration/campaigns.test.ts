/** Campaign creation and listing through the API: validation, roles, audit, and creation that a retry cannot double. */
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import { addDays } from '../../shared/time/calendar-date.ts';
import { api, localTable, localTarget, tokenFor } from '../support/local-target.ts';
import { campaignInput } from '../support/register-api.ts';

describe('POST /campaigns', () => {
  it('creates a campaign with a purge date 90 days after its end, audited once however often it is sent', async () => {
    const token = await tokenFor('staff');
    const input = campaignInput();
    const first = await api<Record<string, unknown>>('/campaigns', { method: 'POST', token, body: input });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...input, purgeDate: addDays(input.endDate, 90) });
    expect(first.body.campaignId).toMatch(/^cheque-jeunesse-t-[a-z0-9-]+-[0-9a-f]{12}$/);

    // A retry (lost answer, double click) finds the same campaign instead of making a second one.
    const again = await api<Record<string, unknown>>('/campaigns', {
      method: 'POST',
      token: await tokenFor('admin'),
      body: input,
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const events = await createAuditStore(localTable()).forEntity('campaign', String(first.body.campaignId));
    expect(events.map((event) => event.action)).toEqual(['CREATE_CAMPAIGN']);
    expect(events[0]?.actor).toMatchObject({ role: 'staff' });

    const other = await api<Record<string, unknown>>('/campaigns', {
      method: 'POST',
      token,
      body: { ...input, budgetCents: input.budgetCents + 100_00 },
    });
    expect(other.body.campaignId).not.toBe(first.body.campaignId);

    const listed = await api<{ items: Array<{ campaignId: string }> }>('/campaigns', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((campaign) => campaign.campaignId)).toEqual(
      expect.arrayContaining([first.body.campaignId, other.body.campaignId]),
    );
    const fetched = await api(`/campaigns/${String(first.body.campaignId)}`, { token });
    // The campaign as created, and no import or issuance run yet.
    expect(fetched.body).toEqual({ ...first.body, latestImport: null, latestIssuanceRun: null });
  });

  it.each([
    ['an end before the start', { startDate: '2027-01-10', endDate: '2027-01-09' }, 'endDate'],
    ['an inverted age band', { eligibility: { automatic: { minAge: 18, maxAge: 0 } } }, 'eligibility.automatic'],
    [
      'a school year of two years',
      {
        eligibility: {
          automatic: { minAge: 0, maxAge: 18 },
          onApplication: { minAge: 19, maxAge: 21, schoolYear: '2026-2028' },
        },
      },
      'eligibility.onApplication.schoolYear',
    ],
    ['a budget below one voucher', { faceValueCents: 10_000, budgetCents: 5_000 }, 'budgetCents'],
    ['a purge date right after the end', { endDate: '2027-03-31', purgeDate: '2027-04-01' }, 'purgeDate'],
    ['a face value in euros with decimals', { faceValueCents: 99.5 }, 'faceValueCents'],
  ])('refuses %s with the field named', async (_name, overrides, path) => {
    const answer = await api<{ code: string; errors: Array<{ path: string }> }>('/campaigns', {
      method: 'POST',
      token: await tokenFor('staff'),
      body: campaignInput(overrides as never),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors.map((error) => error.path)).toContain(path);
  });

  it('is written by staff and admins only; finance reads the list', async () => {
    const body = campaignInput();
    expect((await api('/campaigns', { method: 'POST', body })).status).toBe(401);
    expect((await api('/campaigns', { method: 'POST', body, token: await tokenFor('merchant') })).status).toBe(403);
    expect((await api('/campaigns', { method: 'POST', body, token: await tokenFor('finance') })).status).toBe(403);
    expect((await api('/campaigns', { token: await tokenFor('merchant') })).status).toBe(403);
    // Finance only reads the list (it chooses the dashboard it may see by campaign).
    const listed = await api<{ items: Array<{ campaignId: string }> }>('/campaigns', {
      token: await tokenFor('finance'),
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((campaign) => campaign.campaignId)).toContain(localTarget().campaignId);
  });

  it('moves the purge date with the end date when a campaign is extended', async () => {
    const token = await tokenFor('staff');
    const input = campaignInput({ endDate: '2027-03-31' });
    const created = await api<{ campaignId: string }>('/campaigns', { method: 'POST', token, body: input });
    const extended = await api<Record<string, unknown>>(`/campaigns/${created.body.campaignId}`, {
      method: 'PATCH',
      token,
      body: { endDate: '2027-06-30' },
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ endDate: '2027-06-30', purgeDate: '2027-09-28' });
  });
});
