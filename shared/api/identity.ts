/** Schemas of the signed-in user's own information. */
import * as z from 'zod/mini';
import { ROLES } from '../auth/roles.ts';

export const MeSchema = z
  .object({
    username: z.string(),
    roles: z.array(z.enum(ROLES)),
    merchantId: z.optional(z.string()),
    merchantName: z.optional(z.string()),
  })
  .check(
    z.meta({ id: 'Me', description: 'Who is signed in: pages use it to show the shop name and the right screens.' }),
  );
