/** Schemas of the signed-in user's own information. */
import * as z from 'zod';
import { ROLES } from '../auth/roles.ts';

export const MeSchema = z
  .object({
    username: z.string(),
    roles: z.array(z.enum(ROLES)),
    merchantId: z.string().optional(),
    merchantName: z.string().optional(),
  })
  .meta({ id: 'Me', description: 'Who is signed in: pages use it to show the shop name and the right screens.' });
