/** Routes about the signed-in user. */
import { MeSchema } from '../../shared/api/identity.ts';
import { ROLES } from '../../shared/auth/roles.ts';
import { EXCEPT_LISTS, PARTITIONS as P } from '../../shared/data/key-scopes.ts';
import { defineRoute } from './route.ts';

export const identityRoutes = {
  getMe: defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/me',
    entry: 'functions/identity/get-me.ts',
    access: ROLES,
    summary: 'Who is signed in: username, roles and, for a merchant, the shop',
    tag: 'identity',
    success: { status: 200, description: 'The signed-in user', schema: MeSchema },
    errors: [],
    permissions: { table: { read: [P.merchant], except: EXCEPT_LISTS } },
  }),
};
