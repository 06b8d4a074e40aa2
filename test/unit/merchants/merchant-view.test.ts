import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/auth/roles.ts';
import type { Merchant } from '../../../shared/merchants/merchant.ts';
import { changeDetails, creationDetails } from '../../../shared/merchants/merchant-audit.ts';
import { merchantView } from '../../../shared/merchants/merchant-view.ts';

const merchant: Merchant = {
  merchantId: 'Mshop',
  name: 'Librairie du Parc',
  category: 'books',
  address: { street: 'Rue du Parc', number: '4', postcode: '7300', locality: 'Boussu' },
  iban: 'BE68539007547034',
  bic: 'GKCCBEBB',
  enterpriseNumber: '0123.456.749',
  email: 'contact@librairie.example',
  status: 'ACTIVE',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  version: 1,
};

describe('merchantView', () => {
  it.each<[Role[], string]>([
    [['finance'], 'BE68539007547034'],
    [['admin'], 'BE68539007547034'],
    [['staff', 'finance'], 'BE68539007547034'],
    [['staff'], 'BE68 •••• •••• 7034'],
    [['merchant'], 'BE68 •••• •••• 7034'],
  ])('shows %j the IBAN as %s, and the masked form always', (roles, iban) => {
    const view = merchantView(merchant, roles);
    expect(view.iban).toBe(iban);
    expect(view.ibanMasked).toBe('BE68 •••• •••• 7034');
  });

  it('answers the address as the API takes it, and the VAT number of the enterprise number', () => {
    expect(merchantView(merchant, ['staff'])).toMatchObject({
      address: { street: 'Rue du Parc', number: '4', postcode: '7300', city: 'Boussu' },
      enterpriseNumber: '0123.456.749',
      vatNumber: 'BE0123456749',
      bic: 'GKCCBEBB',
    });
  });

  it('has no IBAN fields for a shop without one', () => {
    const { iban: _none, ...withoutIban } = merchant;
    const view = merchantView(withoutIban, ['finance']);
    expect(view).not.toHaveProperty('iban');
    expect(view).not.toHaveProperty('ibanMasked');
  });
});

describe('audit details', () => {
  it('name the changed fields and give the IBANs masked, never in full', () => {
    const after: Merchant = { ...merchant, iban: 'BE71096123456769', status: 'INACTIVE', version: 2 };
    const details = changeDetails(merchant, after, ['iban', 'status']);
    expect(details).toEqual({
      changed: 'iban,status',
      version: 2,
      ibanBefore: 'BE68 •••• •••• 7034',
      ibanAfter: 'BE71 •••• •••• 6769',
      statusBefore: 'ACTIVE',
      statusAfter: 'INACTIVE',
    });
    const created = JSON.stringify(creationDetails(merchant));
    for (const text of [JSON.stringify(details), created]) {
      expect(text).not.toContain('53900754');
      expect(text).not.toContain('09612345');
    }
  });

  it('say "none" for a first IBAN given to a shop that had none', () => {
    const { iban: _none, ...before } = merchant;
    expect(changeDetails(before, merchant, ['iban'])).toMatchObject({
      ibanBefore: 'none',
      ibanAfter: 'BE68 •••• •••• 7034',
    });
  });
});
