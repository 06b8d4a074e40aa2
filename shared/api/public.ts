/**
 * Schemas of the public routes (no sign-in): the partner shop list, a voucher's balance (the merchant
 * look-up's answer: nothing personal) and the campaigns that take applications.
 */
import * as z from 'zod/mini';
import { PublicMerchantSchema } from '../merchants/merchant.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const PublicListQuerySchema = pageQuerySchema({ defaultLimit: 500, maxLimit: 1000 });

export const PublicMerchantListSchema = z
  .object({ items: z.array(PublicMerchantSchema), nextCursor: NextCursorSchema })
  .check(z.meta({ id: 'PublicMerchantList' }));
export type PublicMerchantList = z.infer<typeof PublicMerchantListSchema>;

export const PublicCampaignSchema = z
  .object({
    campaignId: z.string(),
    name: z.string(),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    faceValueCents: z.int().check(z.positive()),
    onApplication: z.object({
      minAge: z.int(),
      maxAge: z.int(),
      schoolYear: z
        .optional(z.string())
        .check(z.meta({ description: 'The school year the proof of enrolment must cover' })),
    }),
  })
  .check(z.meta({ id: 'PublicCampaign' }));
export type PublicCampaign = z.infer<typeof PublicCampaignSchema>;

export const PublicCampaignListSchema = z
  .object({ items: z.array(PublicCampaignSchema), nextCursor: NextCursorSchema })
  .check(z.meta({ id: 'PublicCampaignList' }));
export type PublicCampaignList = z.infer<typeof PublicCampaignListSchema>;
