/**
 * Shops in the back office through the gateway against DynamoDB Local: onboarding with checked bank and
 * company details, IBANs masked for all but finance and admin, audited changes (IBANs masked there too),
 * deactivation that stops redemptions at once, idempotent enrolment, concurrent changes, and roles.
 */
import { describe, expect, it } from 'vitest';
import { merchantAdminRoutes } from '../../functions/routes/merchants.ts';
import type { MerchantView } from '../../shared/api/merchants.ts';
import { createAuditStore } from '../../shared/data/audit-store.ts';
import type { Enrolment } from '../../shared/merchants/merchant.ts';
import { createTestCampaign, idempotencyKey, issueTestVoucher, mintToken } from '../support/ledger-fixtures.ts';
import { api, localTable, tokenFor, uniqueId } from '../support/local-target.ts';

const IBAN = 'BE68539007547034';
const OTHER_IBAN = 'BE71096123456769';
const MASKED = 'BE68 •••• •••• 7034';

const shopBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Librairie ${uniqueId('test')}`,
  address: { street: 'Rue du Parc', number: '4', postcode: '7300', city: 'Boussu' },
  email: 'contact@librairie.test.invalid',
  category: 'books',
  iban: 'be68 5390 0754 7034',
  ...overrides,
});

const create = async (body: Record<string, unknown>, role: 'staff' | 'admin' = 'staff') =>
  api<MerchantView & Record<string, unknown>>('/merchants', { method: 'POST', token: await tokenFor(role), body });

const patch = async (merchantId: string, body: unknown) =>
  api<MerchantView & Record<string, unknown>>(`/merchants/${merchantId}`, {
    method: 'PATCH',
    token: await tokenFor('staff'),
    body,
  });

const enrol = async (campaignId: string, merchantId: string) =>
  api<Enrolment & Record<string, unknown>>(`/campaigns/${campaignId}/merchants/${merchantId}`, {
    method: 'PUT',
    token: await tokenFor('staff'),
  });

const listedNames = async () =>
  (await api<{ items: MerchantView[] }>('/merchants', { token: await tokenFor('staff') })).body.items.map(
    (shop) => shop.name,
  );

const history = (merchantId: string) => createAuditStore(localTable()).forEntity('merchant', merchantId);

describe('POST /merchants', () => {
  it('onboards a shop with a normalised IBAN, masked for staff and in full for finance and admin', async () => {
    const body = shopBody({ bic: 'gkcc be bb', enterpriseNumber: 'BE0123456749' });
    const created = await create(body);
    expect(created.status).toBe(201);
    const merchantId = created.body.merchantId;
    expect(merchantId).toMatch(/^M[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(created.body).toMatchObject({
      name: body.name,
      category: 'books',
      address: { street: 'Rue du Parc', number: '4', postcode: '7300', city: 'Boussu' },
      email: 'contact@librairie.test.invalid',
      iban: MASKED,
      ibanMasked: MASKED,
      bic: 'GKCCBEBB',
      enterpriseNumber: '0123.456.749',
      vatNumber: 'BE0123456749',
      status: 'ACTIVE',
      version: 1,
    });

    const asStaff = await api<MerchantView>(`/merchants/${merchantId}`, { token: await tokenFor('staff') });
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.iban).toBe(MASKED);
    expect(JSON.stringify(asStaff.body)).not.toContain(IBAN);
    for (const role of ['finance', 'admin'] as const) {
      const full = await api<MerchantView>(`/merchants/${merchantId}`, { token: await tokenFor(role) });
      expect(full.body, role).toMatchObject({ iban: IBAN, ibanMasked: MASKED });
    }
    const listed = await api<{ items: MerchantView[] }>('/merchants', { token: await tokenFor('finance') });
    expect(listed.body.items.find((shop) => shop.merchantId === merchantId)?.iban).toBe(IBAN);

    // Onboarded shops are active at once: the public list shows them, without any bank or contact detail.
    const publicList = await api<{ items: Array<Record<string, unknown>> }>('/public/merchants');
    expect(publicList.body.items.find((shop) => shop.merchantId === merchantId)).toEqual({
      merchantId,
      name: body.name,
      category: 'books',
      address: { street: 'Rue du Parc', number: '4', postcode: '7300', locality: 'Boussu' },
    });
  });

  it('answers the same shop to the same request sent again, audited once', async () => {
    const body = shopBody();
    const first = await create(body);
    // A retry with the IBAN spelt differently and by someone else is still the same request.
    const again = await create({ ...body, iban: IBAN }, 'admin');
    expect(again.status).toBe(201);
    expect(again.body.merchantId).toBe(first.body.merchantId);
    expect((await history(first.body.merchantId)).map((event) => event.action)).toEqual(['CREATE_MERCHANT']);
  });

  it('refuses an invalid IBAN with 422 IBAN_INVALID saying what is wrong, and writes nothing', async () => {
    const body = shopBody({ iban: 'BE69 5390 0754 7034' });
    const refused = await create(body);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'IBAN_INVALID', field: 'iban', problem: 'CHECK_DIGITS' });
    expect(refused.body.detail).toMatch(/check digits/);

    const tooShort = await create(shopBody({ iban: 'BE68 5390 0754 703' }));
    expect(tooShort.body).toMatchObject({ code: 'IBAN_INVALID', problem: 'LENGTH' });
    expect(tooShort.body.detail).toMatch(/16 characters, this one has 15/);
    expect(await listedNames()).not.toContain(body.name);
  });

  it('refuses an invalid BIC (BIC_INVALID) and an invalid enterprise number (ENTERPRISE_NUMBER_INVALID)', async () => {
    const bic = await create(shopBody({ bic: 'GEBABEB' }));
    expect(bic.status).toBe(422);
    expect(bic.body).toMatchObject({ code: 'BIC_INVALID', field: 'bic' });
    expect(bic.body.detail).toMatch(/8 or 11 characters/);

    const number = shopBody({ enterpriseNumber: '0123.456.748' });
    const refused = await create(number);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ENTERPRISE_NUMBER_INVALID', problem: 'CHECK_DIGITS' });
    expect(refused.body.detail).toMatch(/should be 49/);
    expect(await listedNames()).not.toContain(number.name);
  });

  it('onboards a shop without an IBAN (it can redeem; settlement waits for one)', async () => {
    const { iban: _none, ...body } = shopBody();
    const created = await create({ ...body, address: { street: 'Rue Haute 7', postcode: '7300', city: 'Boussu' } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('iban');
    expect(created.body).not.toHaveProperty('ibanMasked');
    expect(created.body.address).toEqual({ street: 'Rue Haute 7', postcode: '7300', city: 'Boussu' });
    expect(created.body.category).toBe('books');
  });

  it('refuses a body that breaks the schema with 400 VALIDATION_FAILED', async () => {
    const refused = await create(shopBody({ email: 'not an address' }));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /merchants/{merchantId}', () => {
  it('answers 404 MERCHANT_NOT_FOUND for an unknown shop', async () => {
    const answer = await api(`/merchants/${uniqueId('nobody')}`, { token: await tokenFor('staff') });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('MERCHANT_NOT_FOUND');
  });
});

describe('PATCH /merchants/{merchantId}', () => {
  it('replaces the IBAN, audited with both IBANs masked and never in full', async () => {
    const { merchantId } = (await create(shopBody())).body;
    const changed = await patch(merchantId, { iban: 'BE71 0961 2345 6769' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ iban: 'BE71 •••• •••• 6769', version: 2 });
    const finance = await api<MerchantView>(`/merchants/${merchantId}`, { token: await tokenFor('finance') });
    expect(finance.body.iban).toBe(OTHER_IBAN);

    const events = await history(merchantId);
    expect(events.map((event) => event.action)).toEqual(['CREATE_MERCHANT', 'UPDATE_MERCHANT']);
    expect(events[1]).toMatchObject({
      actor: { role: 'staff' },
      details: { changed: 'iban', ibanBefore: MASKED, ibanAfter: 'BE71 •••• •••• 6769' },
    });
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(IBAN);
    expect(stored).not.toContain(OTHER_IBAN);
  });

  it('refuses to remove an IBAN, refuses an invalid one, and changes nothing for a PATCH that changes nothing', async () => {
    const { merchantId } = (await create(shopBody())).body;
    const removal = await patch(merchantId, { iban: null });
    expect(removal.status).toBe(400);
    expect(removal.body.detail).toMatch(/replaced but not removed/);
    const invalid = await patch(merchantId, { iban: 'BE41539007547035' });
    expect(invalid.body).toMatchObject({ code: 'IBAN_INVALID', problem: 'ACCOUNT_CHECK_DIGITS' });
    const same = await patch(merchantId, { iban: IBAN, category: 'books' });
    expect(same.body.version).toBe(1);
    expect((await history(merchantId)).map((event) => event.action)).toEqual(['CREATE_MERCHANT']);
    expect((await patch(uniqueId('nobody'), { name: 'x' })).body.code).toBe('MERCHANT_NOT_FOUND');
  });

  it('deactivates a shop: its very next redemption is refused with 403 MERCHANT_INACTIVE', async () => {
    const campaign = await createTestCampaign();
    const { merchantId } = (await create(shopBody())).body;
    expect((await enrol(campaign.campaignId, merchantId)).status).toBe(200);
    const shopToken = await mintToken(['merchant'], merchantId);
    const voucher = await issueTestVoucher(campaign);
    const redeem = () =>
      api('/merchant/redemptions', {
        method: 'POST',
        token: shopToken,
        headers: { 'idempotency-key': idempotencyKey() },
        body: { code: voucher.code, amountCents: 10_00 },
      });
    expect((await redeem()).status).toBe(201);

    const deactivated = await patch(merchantId, { status: 'INACTIVE' });
    expect(deactivated.body.status).toBe('INACTIVE');
    const refused = await redeem();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MERCHANT_INACTIVE');

    // What it redeemed before stays on its books, to be paid.
    const own = await api<{ items: unknown[]; totalCents: number }>('/merchant/redemptions', { token: shopToken });
    expect(own.body.totalCents).toBe(10_00);
    const events = await history(merchantId);
    expect(events.at(-1)?.details).toMatchObject({
      changed: 'status',
      statusBefore: 'ACTIVE',
      statusAfter: 'INACTIVE',
    });
  });

  it('applies concurrent changes of different fields all, each audited, none lost', async () => {
    const { merchantId } = (await create(shopBody())).body;
    const changes = [
      { name: `Renamed ${uniqueId('n')}` },
      { email: 'new@librairie.test.invalid' },
      { category: 'toys' },
      { bic: 'GEBABEBB' },
      { enterpriseNumber: '0403.170.701' },
      { iban: OTHER_IBAN },
    ];
    const answers = await Promise.all(changes.map((change) => patch(merchantId, change)));
    expect(answers.map((answer) => answer.status)).toEqual(changes.map(() => 200));

    const final = await api<MerchantView>(`/merchants/${merchantId}`, { token: await tokenFor('admin') });
    expect(final.body).toMatchObject({ ...Object.assign({}, ...changes), version: 1 + changes.length });
    const updates = (await history(merchantId)).filter((event) => event.action === 'UPDATE_MERCHANT');
    expect(updates.map((event) => event.details?.version).sort()).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe('PUT /campaigns/{campaignId}/merchants/{merchantId}', () => {
  it('enrols a shop once: the same answer every time, one audit event', async () => {
    const campaign = await createTestCampaign();
    const { merchantId } = (await create(shopBody())).body;
    const first = await enrol(campaign.campaignId, merchantId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      merchantId,
      campaignId: campaign.campaignId,
      campaignStartDate: campaign.startDate,
      campaignEndDate: campaign.endDate,
    });
    const again = await enrol(campaign.campaignId, merchantId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const events = await history(merchantId);
    expect(events.filter((event) => event.action === 'ENROL_MERCHANT')).toHaveLength(1);
  });

  it('answers 404 for an unknown campaign or shop', async () => {
    const campaign = await createTestCampaign();
    const { merchantId } = (await create(shopBody())).body;
    expect((await enrol(uniqueId('nocampaign'), merchantId)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await enrol(campaign.campaignId, uniqueId('noshop'))).body.code).toBe('MERCHANT_NOT_FOUND');
  });
});

describe('access', () => {
  const routes = Object.values(merchantAdminRoutes);
  const call = (route: (typeof routes)[number], token?: string) =>
    api(route.path.replace('{merchantId}', 'demo-shop-01').replace('{campaignId}', 'demo-campaign'), {
      method: route.method,
      ...(token ? { token } : {}),
      ...(route.method === 'POST' || route.method === 'PATCH' ? { body: shopBody() } : {}),
    });

  it('refuses every /merchants route to a merchant (403) and to an anonymous caller (401)', async () => {
    expect.assertions(routes.length * 2);
    const merchant = await tokenFor('merchant');
    for (const route of routes) {
      expect((await call(route, merchant)).status, `${route.operationId} as merchant`).toBe(403);
      expect((await call(route)).status, `${route.operationId} anonymous`).toBe(401);
    }
  });

  it('lets finance read shops but not change them', async () => {
    const finance = await tokenFor('finance');
    for (const route of routes) {
      const expected = route.method === 'GET' ? 200 : 403;
      expect((await call(route, finance)).status, route.operationId).toBe(expected);
    }
  });
});
