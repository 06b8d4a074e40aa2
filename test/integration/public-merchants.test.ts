/** The public shop list, read from DynamoDB Local through the gateway and the real handler. */
import { describe, expect, it } from 'vitest';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import type { PublicMerchant } from '../../shared/merchants/merchant.ts';
import { api, localTable, uniqueId } from '../support/local-target.ts';

describe('GET /public/merchants', () => {
  it('lists the thirty active demo shops by name, without bank or contact data', async () => {
    const answer = await api<{ items: PublicMerchant[] }>('/public/merchants');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toContain('public');
    const demo = answer.body.items.filter((m) => m.merchantId.startsWith('demo-shop-'));
    expect(demo).toHaveLength(30);
    const names = demo.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr-BE', { sensitivity: 'base' })));
    for (const merchant of answer.body.items) {
      expect(Object.keys(merchant).sort()).toEqual(['address', 'category', 'merchantId', 'name']);
    }
    expect(JSON.stringify(answer.body)).not.toMatch(/BE\d{14}|@/);
    expect(names).not.toContain('Vidéoclub Rembobine (fermé)');
  });

  it('shows a newly added active shop and never an inactive one', async () => {
    const store = createMerchantStore(localTable());
    const base = {
      category: 'books' as const,
      address: { street: 'Rue du Test', number: '1', postcode: '7300', locality: 'Boussu' },
      iban: 'BE68539007547034',
      email: 'test@shops.demo.invalid',
      createdAt: new Date().toISOString(),
    };
    const active = { ...base, merchantId: uniqueId('shop'), name: `Zèbre ${uniqueId('n')}`, status: 'ACTIVE' as const };
    const inactive = {
      ...base,
      merchantId: uniqueId('shop'),
      name: `Zèbre ${uniqueId('n')}`,
      status: 'INACTIVE' as const,
    };
    expect(await store.create(active)).toBe(true);
    expect(await store.create(active)).toBe(false);
    await store.create(inactive);

    const answer = await api<{ items: PublicMerchant[] }>('/public/merchants');
    const ids = answer.body.items.map((m) => m.merchantId);
    expect(ids).toContain(active.merchantId);
    expect(ids).not.toContain(inactive.merchantId);
  });
});
