/** The back-office shop routes: staff and admin onboard and change partner shops; finance reads them too. */
import {
  CreateMerchantBodySchema,
  EnrolmentParamsSchema,
  EnrolmentSchema,
  MerchantIdParamsSchema,
  MerchantListQuerySchema,
  MerchantListSchema,
  MerchantSchema,
  UpdateMerchantBodySchema,
} from '../../shared/api/merchants.ts';
import { defineRoute } from './route.ts';

const WRITERS = ['staff', 'admin'] as const;
// Finance reads shops to check payouts (and sees full IBANs); staff see them masked.
const READERS = ['staff', 'admin', 'finance'] as const;

export const merchantAdminRoutes = {
  createMerchant: defineRoute({
    operationId: 'createMerchant',
    method: 'POST',
    path: '/merchants',
    entry: 'functions/merchants/create-merchant.ts',
    access: WRITERS,
    summary:
      'Onboard a shop, active at once (audited). The IBAN may be left out: settlement holds its payouts until one is given. The same request again answers the same shop.',
    tag: 'merchants',
    body: CreateMerchantBodySchema,
    success: { status: 201, description: 'The shop', schema: MerchantSchema },
    errors: ['IBAN_INVALID', 'BIC_INVALID', 'ENTERPRISE_NUMBER_INVALID'],
    permissions: { table: 'readWrite' },
  }),
  listMerchants: defineRoute({
    operationId: 'listMerchants',
    method: 'GET',
    path: '/merchants',
    entry: 'functions/merchants/list-merchants.ts',
    access: READERS,
    summary: 'Every shop, active or not, by name (IBANs in full for finance and admin only)',
    tag: 'merchants',
    query: MerchantListQuerySchema,
    success: { status: 200, description: 'The shops', schema: MerchantListSchema },
    errors: [],
    permissions: { table: 'read' },
  }),
  getMerchant: defineRoute({
    operationId: 'getMerchant',
    method: 'GET',
    path: '/merchants/{merchantId}',
    entry: 'functions/merchants/get-merchant.ts',
    access: READERS,
    summary: 'One shop (its IBAN in full for finance and admin only)',
    tag: 'merchants',
    params: MerchantIdParamsSchema,
    success: { status: 200, description: 'The shop', schema: MerchantSchema },
    errors: ['MERCHANT_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
  updateMerchant: defineRoute({
    operationId: 'updateMerchant',
    method: 'PATCH',
    path: '/merchants/{merchantId}',
    entry: 'functions/merchants/update-merchant.ts',
    access: WRITERS,
    summary:
      'Change a shop (audited). A new IBAN applies to settlements closed from now on; an IBAN can be replaced but not removed. {"status": "INACTIVE"} stops its redemptions at once; what it redeemed is still paid.',
    tag: 'merchants',
    params: MerchantIdParamsSchema,
    body: UpdateMerchantBodySchema,
    success: { status: 200, description: 'The shop as changed', schema: MerchantSchema },
    errors: ['MERCHANT_NOT_FOUND', 'IBAN_INVALID', 'BIC_INVALID', 'ENTERPRISE_NUMBER_INVALID', 'CONFLICT'],
    permissions: { table: 'readWrite' },
  }),
  enrolMerchant: defineRoute({
    operationId: 'enrolMerchant',
    method: 'PUT',
    path: '/campaigns/{campaignId}/merchants/{merchantId}',
    entry: 'functions/merchants/enrol-merchant.ts',
    access: WRITERS,
    summary:
      'Enrol a shop in a campaign (idempotent, audited once): it takes the campaign’s vouchers between its dates',
    tag: 'merchants',
    params: EnrolmentParamsSchema,
    success: { status: 200, description: 'The enrolment (the same one on every call)', schema: EnrolmentSchema },
    errors: ['MERCHANT_NOT_FOUND', 'CAMPAIGN_NOT_FOUND', 'CONFLICT'],
    permissions: { table: 'readWrite' },
  }),
};
