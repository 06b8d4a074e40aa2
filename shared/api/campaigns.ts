/** Schemas of the campaign routes (staff). */
import * as z from 'zod/mini';
import { CampaignInputSchema } from '../campaigns/campaign.ts';
import { IMPORT_STATUSES } from '../imports/register-import.ts';
import { ISSUANCE_STATUSES } from '../issuance/issuance-run.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const CampaignIdParamsSchema = z.strictObject({
  campaignId: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9-]{3,64}$/, 'a campaign id is 3 to 64 letters, digits or dashes'),
      z.meta({ description: 'Campaign id' }),
    ),
});

// Without its id: CampaignDetailSchema extends this one, and zod mini's `z.meta` is a check that an extension
// carries along (it would register the extension as `Campaign` too, in place of CampaignSchema).
const CampaignObjectSchema = z.extend(
  z.object({
    campaignId: z.string(),
    createdAt: z.string(),
    issuedValueCents: z
      .optional(z.int().check(z.nonnegative()))
      .check(z.meta({ description: 'Face value issued so far' })),
    issuedCount: z.optional(z.int().check(z.nonnegative())).check(z.meta({ description: 'Vouchers issued so far' })),
    purgedAt: z
      .optional(z.string())
      .check(z.meta({ description: 'When its personal data was deleted (purge date passed)' })),
  }),
  CampaignInputSchema.shape,
);

export const CampaignSchema = CampaignObjectSchema.check(z.meta({ id: 'Campaign' }));

const stuck = z.boolean().check(z.meta({ description: "Its worker's lease ran out: staff may resume it" }));

/**
 * One campaign with its latest register import and issuance run, so that staff who come back (a reload, the
 * next morning) find the work in progress, follow it, and resume it if its worker died.
 */
export const CampaignDetailSchema = z
  .extend(CampaignObjectSchema, {
    latestImport: z.nullable(
      z.object({ importId: z.string(), status: z.enum(IMPORT_STATUSES), createdAt: z.string(), stuck }),
    ),
    latestIssuanceRun: z.nullable(
      z.object({ runId: z.string(), status: z.enum(ISSUANCE_STATUSES), createdAt: z.string(), stuck }),
    ),
  })
  .check(z.meta({ id: 'CampaignDetail' }));

export const CampaignListQuerySchema = pageQuerySchema({ defaultLimit: 200, maxLimit: 500 });

export const CampaignListSchema = z
  .object({ items: z.array(CampaignSchema), nextCursor: NextCursorSchema })
  .check(z.meta({ id: 'CampaignList' }));

export const ExtendCampaignBodySchema = z
  .strictObject({ endDate: CalendarDateSchema })
  .check(z.meta({ id: 'ExtendCampaign', description: 'A later end date; vouchers follow it without new letters.' }));

export const VoucherIdParamsSchema = z.strictObject({
  voucherId: z.string().check(z.regex(/^v[0-9a-v]{32}$/, 'not a voucher id')),
});

export const ReissueAnswerSchema = z
  .object({
    voucherId: z.string(),
    replacedVoucherId: z.string(),
    balanceCents: z.int().check(z.nonnegative()),
    validUntil: CalendarDateSchema,
    replacementLetter: z.literal('NEXT_LETTER_RUN').check(
      z.meta({
        description:
          'The new code is shown to no one: it is printed only in the letter that the next letter run sends to the family',
      }),
    ),
  })
  .check(z.meta({ id: 'ReissuedVoucher' }));
