/** Routes anyone may call, without signing in. */
import { VoucherBalanceSchema, VoucherCodeParamsSchema } from '../../shared/api/merchant.ts';
import { PublicCampaignListSchema, PublicListQuerySchema, PublicMerchantListSchema } from '../../shared/api/public.ts';
import { EXCEPT_LISTS, PARTITIONS as P } from '../../shared/data/key-scopes.ts';
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
    query: PublicListQuerySchema,
    success: { status: 200, description: 'Active partner shops, by name', schema: PublicMerchantListSchema },
    errors: [],
    permissions: { table: { read: [P.merchantList] } },
    cacheControl: 'public, max-age=60',
  }),
  lookupPublicVoucher: defineRoute({
    operationId: 'lookupPublicVoucher',
    method: 'GET',
    path: '/public/vouchers/{code}',
    entry: 'functions/public/lookup-voucher.ts',
    access: 'public',
    summary: "A voucher's balance, face value, state and validity, for whoever holds its letter",
    tag: 'public',
    params: VoucherCodeParamsSchema,
    success: { status: 200, description: 'The voucher (nothing personal)', schema: VoucherBalanceSchema },
    errors: ['VOUCHER_NOT_FOUND', 'TOO_MANY_ATTEMPTS'],
    // Read-write: a failed look-up is counted against the client's address (keyed by the person key's hash).
    permissions: {
      table: {
        read: [P.voucher, P.campaign, P.publicLookupMisses],
        write: [P.publicLookupMisses],
        except: EXCEPT_LISTS,
      },
      secrets: ['voucherCodeKey', 'personKey'],
    },
  }),
  listOpenCampaigns: defineRoute({
    operationId: 'listOpenCampaigns',
    method: 'GET',
    path: '/public/campaigns',
    entry: 'functions/public/list-campaigns.ts',
    access: 'public',
    summary: 'The campaigns that take applications now (ages, school year, dates): what the application page offers',
    tag: 'public',
    query: PublicListQuerySchema,
    success: { status: 200, description: 'Open campaigns with an application band', schema: PublicCampaignListSchema },
    errors: [],
    permissions: { table: { read: [P.campaignList] } },
    cacheControl: 'public, max-age=60',
  }),
};
