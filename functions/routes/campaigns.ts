/** Campaign routes, for the town's staff. */

import {
  CampaignIdParamsSchema,
  CampaignListSchema,
  CampaignSchema,
  ExtendCampaignBodySchema,
  ReissueAnswerSchema,
  VoucherIdParamsSchema,
} from '../../shared/api/campaigns.ts';
import { CampaignInputSchema } from '../../shared/campaigns/campaign.ts';
import { defineRoute } from './route.ts';

export const campaignRoutes = {
  createCampaign: defineRoute({
    operationId: 'createCampaign',
    method: 'POST',
    path: '/campaigns',
    entry: 'functions/campaigns/create-campaign.ts',
    access: ['staff', 'admin'],
    summary: 'Create a campaign (audited; the same request again answers the same campaign)',
    tag: 'campaigns',
    body: CampaignInputSchema,
    success: { status: 201, description: 'The campaign', schema: CampaignSchema },
    errors: [],
    permissions: { table: 'readWrite' },
  }),
  listCampaigns: defineRoute({
    operationId: 'listCampaigns',
    method: 'GET',
    path: '/campaigns',
    entry: 'functions/campaigns/list-campaigns.ts',
    // Finance reads the list too: the dashboard (which finance may see) is chosen by campaign.
    access: ['staff', 'admin', 'finance'],
    summary: 'Every campaign, by start date',
    tag: 'campaigns',
    success: { status: 200, description: 'The campaigns', schema: CampaignListSchema },
    errors: [],
    permissions: { table: 'read' },
  }),
  getCampaign: defineRoute({
    operationId: 'getCampaign',
    method: 'GET',
    path: '/campaigns/{campaignId}',
    entry: 'functions/campaigns/get-campaign.ts',
    access: ['staff', 'admin'],
    summary: 'One campaign: amounts, dates and eligibility bands',
    tag: 'campaigns',
    params: CampaignIdParamsSchema,
    success: { status: 200, description: 'The campaign', schema: CampaignSchema },
    errors: ['CAMPAIGN_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
  extendCampaign: defineRoute({
    operationId: 'extendCampaign',
    method: 'PATCH',
    path: '/campaigns/{campaignId}',
    entry: 'functions/campaigns/extend-campaign.ts',
    access: ['staff', 'admin'],
    summary: 'Extend a campaign: a later end date, honoured by every voucher at once (audited)',
    tag: 'campaigns',
    params: CampaignIdParamsSchema,
    body: ExtendCampaignBodySchema,
    success: { status: 200, description: 'The campaign with its new end date', schema: CampaignSchema },
    errors: ['CAMPAIGN_NOT_FOUND', 'END_DATE_NOT_LATER'],
    permissions: { table: 'readWrite' },
  }),
  voidAndReissueVoucher: defineRoute({
    operationId: 'voidAndReissueVoucher',
    method: 'POST',
    path: '/vouchers/{voucherId}/void-and-reissue',
    entry: 'functions/campaigns/void-and-reissue.ts',
    access: ['staff', 'admin'],
    summary:
      'Void a lost voucher and issue its remaining balance under a new code (shown once; the next letter run prints its letter)',
    tag: 'vouchers',
    params: VoucherIdParamsSchema,
    idempotencyKey: true,
    success: { status: 201, description: 'The replacement voucher and its code', schema: ReissueAnswerSchema },
    errors: ['VOUCHER_NOT_FOUND', 'VOUCHER_VOIDED', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT'],
    permissions: { table: 'readWrite', secrets: ['voucherCodeKey'], buckets: { documents: 'readWrite' } },
  }),
};
