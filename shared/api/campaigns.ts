/** Schemas of the campaign routes (staff). */
import { z } from 'zod';
import { CampaignInputSchema } from '../campaigns/campaign.ts';

export const CampaignIdParamsSchema = z.object({
  campaignId: z
    .string()
    .regex(/^[A-Za-z0-9-]{3,64}$/, 'a campaign id is 3 to 64 letters, digits or dashes')
    .meta({ description: 'Campaign id' }),
});

export const CampaignSchema = z
  .object({
    campaignId: z.string(),
    createdAt: z.string(),
  })
  .extend(CampaignInputSchema.shape)
  .meta({ id: 'Campaign' });
