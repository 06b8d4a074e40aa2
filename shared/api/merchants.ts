/** Schemas of the back-office shop routes: staff and admin onboard and change shops, finance reads them too. */
import * as z from 'zod/mini';
import { MERCHANT_STATUSES, MerchantCategorySchema } from '../merchants/merchant.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

const MerchantIdSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9-]{1,64}$/, 'a shop id is 1 to 64 letters, digits or dashes'),
    z.meta({ description: 'Shop id' }),
  );

export const MerchantIdParamsSchema = z.strictObject({ merchantId: MerchantIdSchema });

export const EnrolmentParamsSchema = z.extend(CampaignIdParamsSchema, { merchantId: MerchantIdSchema });

/** The contract's `{ street, postcode, city }`, plus the house number and box when given apart. */
const merchantAddressShape = {
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  number: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(12))),
  box: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(12))),
  postcode: z.string().check(z.regex(/^\d{4}$/, 'a Belgian postcode has four digits')),
  city: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
};
export const MerchantAddressSchema = z.object(merchantAddressShape).check(z.meta({ id: 'MerchantAddress' }));
export type MerchantAddress = z.output<typeof MerchantAddressSchema>;
/** The same address in a request: a key it does not know is refused, not dropped. */
const MerchantAddressInputSchema = z.strictObject(merchantAddressShape).check(z.meta({ id: 'MerchantAddressInput' }));

// Bank and company details are taken as typed (spaces, dots, lower case) and checked by the service, which
// answers 422 with a code of its own (IBAN_INVALID, BIC_INVALID, ENTERPRISE_NUMBER_INVALID) saying what is wrong.
const IbanInputSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.meta({ description: 'A SEPA IBAN, spaces allowed; stored in electronic form (422 IBAN_INVALID if not valid)' }),
  );
const BicInputSchema = z
  .string()
  .check(
    z.maxLength(16),
    z.meta({ description: 'BIC of 8 or 11 characters, optional for SEPA (422 BIC_INVALID if not valid)' }),
  );
const EnterpriseNumberInputSchema = z.string().check(
  z.maxLength(24),
  z.meta({
    description:
      'Belgian enterprise number (KBO/BCE): BE0123456749, 0123.456.749 or the old nine digits (422 ENTERPRISE_NUMBER_INVALID)',
  }),
);

const NameSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(120), z.meta({ description: 'Legal name, as on the transfers' }));
const EmailSchema = z
  .email()
  .check(z.maxLength(254), z.meta({ description: 'Where settlement reports and remittance advice go' }));

export const CreateMerchantBodySchema = z
  .strictObject({
    name: NameSchema,
    address: MerchantAddressInputSchema,
    email: EmailSchema,
    category: z._default(MerchantCategorySchema, 'other'),
    iban: z.optional(IbanInputSchema).check(
      z.meta({
        description: 'May be left out: the shop can redeem, and settlement holds its payouts until an IBAN is given',
      }),
    ),
    bic: z.optional(BicInputSchema),
    enterpriseNumber: z.optional(EnterpriseNumberInputSchema),
  })
  .check(z.meta({ id: 'CreateMerchant' }));
export type CreateMerchantBody = z.output<typeof CreateMerchantBodySchema>;

// Strict: a misspelt field in a change of bank details must be refused, not silently ignored.
export const UpdateMerchantBodySchema = z
  .strictObject({
    name: z.optional(NameSchema),
    address: z.optional(MerchantAddressInputSchema).check(z.meta({ description: 'Replaces the whole address' })),
    email: z.optional(EmailSchema),
    category: z.optional(MerchantCategorySchema),
    iban: z
      .optional(
        z
          .string({ error: (issue) => (issue.input === null ? 'an IBAN can be replaced but not removed' : undefined) })
          .check(z.maxLength(64)),
      )
      .check(
        z.meta({ description: 'A new IBAN for settlements closed from now on; it can be replaced, never removed' }),
      ),
    bic: z.optional(z.nullable(BicInputSchema)).check(z.meta({ description: 'null removes it' })),
    enterpriseNumber: z
      .optional(z.nullable(EnterpriseNumberInputSchema))
      .check(z.meta({ description: 'null removes it' })),
    status: z
      .optional(z.enum(MERCHANT_STATUSES))
      .check(z.meta({ description: 'INACTIVE stops its redemptions at once; what it already redeemed is still paid' })),
  })
  .check(
    z.refine((body) => Object.values(body).some((value) => value !== undefined), 'give at least one field to change'),
    z.meta({ id: 'UpdateMerchant' }),
  );
export type UpdateMerchantBody = z.output<typeof UpdateMerchantBodySchema>;

export const MerchantSchema = z
  .object({
    merchantId: z.string(),
    name: z.string(),
    category: MerchantCategorySchema,
    address: MerchantAddressSchema,
    email: z.string(),
    iban: z.optional(z.string()).check(
      z.meta({
        description: 'Full (electronic form) for finance and admin, masked for everyone else; absent until given',
      }),
    ),
    ibanMasked: z.optional(z.string()).check(z.meta({ description: 'BE68 •••• •••• 7034, whoever asks' })),
    bic: z.optional(z.string()),
    enterpriseNumber: z.optional(z.string()).check(z.meta({ description: '0123.456.749' })),
    vatNumber: z
      .optional(z.string())
      .check(
        z.meta({ description: 'BE0123456749: the enterprise number as a VAT number (VAT liability is not checked)' }),
      ),
    status: z.enum(MERCHANT_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.nonnegative(), z.meta({ description: 'Grows with every change' })),
  })
  .check(z.meta({ id: 'Merchant', description: 'A partner shop as the back office sees it' }));
export type MerchantView = z.input<typeof MerchantSchema>;

export const MerchantListQuerySchema = pageQuerySchema({ defaultLimit: 500, maxLimit: 1000 });

export const MerchantListSchema = z
  .object({ items: z.array(MerchantSchema), nextCursor: NextCursorSchema })
  .check(z.meta({ id: 'MerchantList' }));

export const EnrolmentSchema = z
  .object({
    merchantId: z.string(),
    campaignId: z.string(),
    campaignStartDate: CalendarDateSchema,
    campaignEndDate: CalendarDateSchema,
    enrolledAt: z.string(),
  })
  .check(z.meta({ id: 'Enrolment', description: 'The shop takes vouchers of the campaign between its dates' }));
