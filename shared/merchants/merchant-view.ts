/** A shop as the back office sees it: the full IBAN for finance and admin only, masked for everyone else. */
import type { MerchantView } from '../api/merchants.ts';
import type { Role } from '../auth/roles.ts';
import { maskIban } from '../iban/iban.ts';
import { vatNumberOf } from './enterprise-number.ts';
import type { Merchant } from './merchant.ts';
import { merchantAddressOf } from './merchant-input.ts';

const FULL_IBAN_ROLES: readonly Role[] = ['finance', 'admin'];

export function seesFullIban(roles: readonly Role[]): boolean {
  return roles.some((role) => FULL_IBAN_ROLES.includes(role));
}

export function merchantView(merchant: Merchant, roles: readonly Role[]): MerchantView {
  const { iban, bic, enterpriseNumber } = merchant;
  return {
    merchantId: merchant.merchantId,
    name: merchant.name,
    category: merchant.category,
    address: merchantAddressOf(merchant.address),
    email: merchant.email,
    ...(iban ? { iban: seesFullIban(roles) ? iban : maskIban(iban), ibanMasked: maskIban(iban) } : {}),
    ...(bic ? { bic } : {}),
    ...(enterpriseNumber ? { enterpriseNumber, vatNumber: vatNumberOf(enterpriseNumber) } : {}),
    status: merchant.status,
    createdAt: merchant.createdAt,
    updatedAt: merchant.updatedAt,
    version: merchant.version,
  };
}
