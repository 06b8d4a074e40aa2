/**
 * A new or changed shop from what staff sent: details checked and normalised, and the fields that really
 * changed (a PATCH that changes nothing writes nothing and leaves no audit event).
 */
import type { CreateMerchantBody, MerchantAddress, UpdateMerchantBody } from '../api/merchants.ts';
import { checkedBic, checkedEnterpriseNumber, checkedIban } from './checked-details.ts';
import type { Merchant, PostalAddress } from './merchant.ts';

/** What staff say about a shop; the platform adds the id, the status and the timestamps. */
export type MerchantDetails = Pick<
  Merchant,
  'name' | 'category' | 'address' | 'email' | 'iban' | 'bic' | 'enterpriseNumber'
>;

export const CHANGEABLE_FIELDS = [
  'name',
  'address',
  'email',
  'category',
  'iban',
  'bic',
  'enterpriseNumber',
  'status',
] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

/** The API's address (`city`) as stored and shown on the public list (`locality`). */
export function postalAddressOf({ city, ...rest }: MerchantAddress): PostalAddress {
  return { ...rest, locality: city };
}

export function merchantAddressOf({ locality, ...rest }: PostalAddress): MerchantAddress {
  return { ...rest, city: locality };
}

/** The details of a new shop, checked (422 IBAN_INVALID, BIC_INVALID, ENTERPRISE_NUMBER_INVALID). */
export function merchantDetailsOf(body: CreateMerchantBody): MerchantDetails {
  return {
    name: body.name,
    category: body.category,
    address: postalAddressOf(body.address),
    email: body.email,
    ...(body.iban === undefined ? {} : { iban: checkedIban(body.iban) }),
    ...(body.bic === undefined ? {} : { bic: checkedBic(body.bic) }),
    ...(body.enterpriseNumber === undefined
      ? {}
      : { enterpriseNumber: checkedEnterpriseNumber(body.enterpriseNumber) }),
  };
}

export function newMerchant(details: MerchantDetails, merchantId: string, at: string): Merchant {
  return { ...details, merchantId, status: 'ACTIVE', createdAt: at, updatedAt: at, version: 1 };
}

export interface MerchantChange {
  /** The shop after the change: the next version, or `current` itself when nothing changed. */
  readonly merchant: Merchant;
  readonly changed: readonly ChangeableField[];
}

/** Applies a PATCH to the shop as read. `null` removes a BIC or an enterprise number; an IBAN is only replaced. */
export function changeMerchant(current: Merchant, body: UpdateMerchantBody, at: string): MerchantChange {
  const next: Merchant = {
    ...current,
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.address === undefined ? {} : { address: postalAddressOf(body.address) }),
    ...(body.email === undefined ? {} : { email: body.email }),
    ...(body.category === undefined ? {} : { category: body.category }),
    ...(body.iban === undefined ? {} : { iban: checkedIban(body.iban) }),
    ...(body.bic === undefined ? {} : { bic: body.bic === null ? undefined : checkedBic(body.bic) }),
    ...(body.enterpriseNumber === undefined
      ? {}
      : {
          enterpriseNumber: body.enterpriseNumber === null ? undefined : checkedEnterpriseNumber(body.enterpriseNumber),
        }),
    ...(body.status === undefined ? {} : { status: body.status }),
  };
  const changed = CHANGEABLE_FIELDS.filter((field) =>
    field === 'address' ? !sameAddress(current.address, next.address) : current[field] !== next[field],
  );
  if (changed.length === 0) return { merchant: current, changed };
  return { merchant: { ...next, updatedAt: at, version: current.version + 1 }, changed };
}

function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  return (
    a.street === b.street &&
    a.number === b.number &&
    a.box === b.box &&
    a.postcode === b.postcode &&
    a.locality === b.locality
  );
}
