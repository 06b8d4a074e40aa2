/** Routes anyone may call, without signing in. */
import { PublicMerchantListSchema } from '../../shared/api/public.ts';
import { defineRoute } from './route.ts';

export const publicRoutes = {
  listPublicMerchants: defineRoute({
    operationId: 'listPublicMerchants',
    method: 'GET',
    path: '/public/merchants',
    entry: 'functions/public/list-merchants.ts',
    access: 'public',
    summary: 'The partner shops where vouchers can be spent (name, category, address)',
    tag: 'public',
    success: { status: 200, description: 'Active partner shops, by name', schema: PublicMerchantListSchema },
    errors: [],
    permissions: { table: 'read' },
    cacheControl: 'public, max-age=60',
  }),
};
