/** Schemas of the public routes (no sign-in): the partner shop list. */
import { z } from 'zod';
import { PublicMerchantSchema } from '../merchants/merchant.ts';

export const PublicMerchantListSchema = z
  .object({ items: z.array(PublicMerchantSchema) })
  .meta({ id: 'PublicMerchantList' });
export type PublicMerchantList = z.infer<typeof PublicMerchantListSchema>;
