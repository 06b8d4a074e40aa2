/**
 * A partner shop. Its bank account and contact e-mail are for settlement only and never leave the
 * back office; the public sees name, category and address (see toPublicMerchant).
 */
import * as z from 'zod/mini';

export const MERCHANT_CATEGORIES = [
  'bakery',
  'butcher',
  'grocery',
  'clothing',
  'shoes',
  'books',
  'toys',
  'sports',
  'electronics',
  'hardware',
  'florist',
  'optician',
  'hairdresser',
  'restaurant',
  'other',
] as const;

export const MerchantCategorySchema = z.enum(MERCHANT_CATEGORIES).check(z.meta({ id: 'MerchantCategory' }));
export type MerchantCategory = z.infer<typeof MerchantCategorySchema>;

export const PostalAddressSchema = z
  .object({
    street: z.string().check(z.minLength(1), z.maxLength(120)),
    // Optional: the API takes the address as { street, postcode, city } and some give the number in `street`.
    number: z.optional(z.string().check(z.minLength(1), z.maxLength(12))),
    box: z.optional(z.string().check(z.maxLength(12))),
    postcode: z.string().check(z.regex(/^\d{4}$/, 'a Belgian postcode has four digits')),
    locality: z.string().check(z.minLength(1), z.maxLength(80)),
  })
  .check(z.meta({ id: 'PostalAddress' }));
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const MERCHANT_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export interface Merchant {
  readonly merchantId: string;
  readonly name: string;
  readonly category: MerchantCategory;
  readonly address: PostalAddress;
  /**
   * Electronic format (no spaces), checked by shared/iban. A shop may have none yet: it can redeem, and
   * settlement holds its payouts until one is given. Once given it can be replaced, never removed.
   */
  readonly iban?: string;
  /** 8 or 11 characters, upper case (shared/payments/bic.ts); optional for SEPA transfers. */
  readonly bic?: string;
  /** KBO/BCE number as `0123.456.749` (shared/merchants/enterprise-number.ts). */
  readonly enterpriseNumber?: string;
  /** Where settlement reports go. */
  readonly email: string;
  /** Redemptions check `ACTIVE` in their own transaction: a deactivated shop is refused at once. */
  readonly status: MerchantStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Starts at 1 and grows with every change: a write is conditional on the version it was decided on. */
  readonly version: number;
}

export const PublicMerchantSchema = z
  .object({
    merchantId: z.string(),
    name: z.string(),
    category: MerchantCategorySchema,
    address: PostalAddressSchema,
  })
  .check(
    z.meta({ id: 'PublicMerchant', description: 'A partner shop as the public sees it: no bank or contact data.' }),
  );
export type PublicMerchant = z.infer<typeof PublicMerchantSchema>;

export function toPublicMerchant(merchant: Merchant): PublicMerchant {
  const { merchantId, name, category, address } = merchant;
  return { merchantId, name, category, address };
}

/** Alphabetical order as a French reader expects it (accents and case ignored). */
export function compareMerchantNames(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'fr-BE', { sensitivity: 'base' });
}

/** A shop's participation in a campaign, with a copy of the campaign's dates (see shared/data/keys.ts). */
export interface Enrolment {
  readonly merchantId: string;
  readonly campaignId: string;
  readonly campaignStartDate: string;
  readonly campaignEndDate: string;
  readonly enrolledAt: string;
}

export function enrolmentIn(
  campaign: { readonly campaignId: string; readonly startDate: string; readonly endDate: string },
  merchantId: string,
  enrolledAt: string,
): Enrolment {
  return {
    merchantId,
    campaignId: campaign.campaignId,
    campaignStartDate: campaign.startDate,
    campaignEndDate: campaign.endDate,
    enrolledAt,
  };
}
