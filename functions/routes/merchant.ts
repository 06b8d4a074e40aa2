/** The merchant routes: what the scanner on a shop's phone calls. A merchant only ever sees its own data. */
import {
  MerchantRedemptionListSchema,
  RedeemBodySchema,
  RedemptionAnswerSchema,
  RedemptionIdParamsSchema,
  RedemptionRangeQuerySchema,
  ReversalAnswerSchema,
  VoucherBalanceSchema,
  VoucherCodeParamsSchema,
} from '../../shared/api/merchant.ts';
import { EXCEPT_LISTS, PARTITIONS as P } from '../../shared/data/key-scopes.ts';
import { defineRoute } from './route.ts';

// Shops' tills run on the internet: each route reaches the partitions of its own work, never a person, an
// application, a campaign's lists or the register (shared/data/key-scopes.ts).
const CODE_KEY = { secrets: ['voucherCodeKey'] } as const;
const LOOKUP = {
  ...CODE_KEY,
  table: { read: [P.voucher, P.campaign, P.merchant, P.lookupMisses], write: [P.lookupMisses], except: EXCEPT_LISTS },
} as const;
const REDEEM = {
  ...CODE_KEY,
  table: {
    read: [P.voucher, P.campaign, P.merchant, P.lookupMisses, P.idempotency],
    write: [P.voucher, P.redemption, P.idempotency, P.audit, P.lookupMisses],
    except: EXCEPT_LISTS,
  },
} as const;
const REVERSE = {
  ...CODE_KEY,
  table: {
    read: [P.voucher, P.campaign, P.redemption, P.idempotency],
    write: [P.voucher, P.redemption, P.idempotency, P.audit],
    except: EXCEPT_LISTS,
  },
} as const;

export const merchantRoutes = {
  lookupVoucher: defineRoute({
    operationId: 'lookupVoucher',
    method: 'GET',
    path: '/merchant/vouchers/{code}',
    entry: 'functions/merchant/lookup-voucher.ts',
    access: ['merchant'],
    summary: 'Balance and validity of a voucher, from its printed code or QR payload',
    tag: 'merchant',
    params: VoucherCodeParamsSchema,
    success: { status: 200, description: 'The voucher (nothing personal)', schema: VoucherBalanceSchema },
    errors: ['VOUCHER_NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'MERCHANT_INACTIVE'],
    // Read-write: a failed look-up is counted against the shop.
    permissions: LOOKUP,
  }),
  redeem: defineRoute({
    operationId: 'redeem',
    method: 'POST',
    path: '/merchant/redemptions',
    entry: 'functions/merchant/redeem.ts',
    access: ['merchant'],
    summary: 'Take an amount from a voucher (idempotent under Idempotency-Key)',
    tag: 'merchant',
    body: RedeemBodySchema,
    idempotencyKey: true,
    success: {
      status: 201,
      description: 'Redeemed (or the stored answer of the same request)',
      schema: RedemptionAnswerSchema,
    },
    errors: [
      'VOUCHER_NOT_FOUND',
      'TOO_MANY_ATTEMPTS',
      'INSUFFICIENT_BALANCE',
      'VOUCHER_VOIDED',
      'VOUCHER_EXPIRED',
      'CAMPAIGN_NOT_OPEN',
      'MERCHANT_INACTIVE',
      'AMOUNT_INVALID',
      'IDEMPOTENCY_KEY_REUSED',
      'CONFLICT',
    ],
    permissions: REDEEM,
  }),
  reverseRedemption: defineRoute({
    operationId: 'reverseRedemption',
    method: 'POST',
    path: '/merchant/redemptions/{redemptionId}/reversal',
    entry: 'functions/merchant/reverse-redemption.ts',
    access: ['merchant'],
    summary: "Cancel one of the shop's redemptions, within the campaign's window and before settlement",
    tag: 'merchant',
    params: RedemptionIdParamsSchema,
    idempotencyKey: true,
    success: { status: 201, description: 'Cancelled: the amount is back on the voucher', schema: ReversalAnswerSchema },
    errors: [
      'NOT_FOUND',
      'REVERSAL_WINDOW_CLOSED',
      'ALREADY_SETTLED',
      'ALREADY_REVERSED',
      'VOUCHER_VOIDED',
      'IDEMPOTENCY_KEY_REUSED',
      'CONFLICT',
    ],
    permissions: REVERSE,
  }),
  listMerchantRedemptions: defineRoute({
    operationId: 'listMerchantRedemptions',
    method: 'GET',
    path: '/merchant/redemptions',
    entry: 'functions/merchant/list-redemptions.ts',
    access: ['merchant'],
    summary: "The shop's own redemptions between two days (default: today), newest first, with the total",
    tag: 'merchant',
    query: RedemptionRangeQuerySchema,
    success: { status: 200, description: "The shop's redemptions", schema: MerchantRedemptionListSchema },
    errors: [],
    permissions: { table: { read: [P.merchantRedemptions, P.campaign], except: ['CAMPAIGN#*#*'] } },
  }),
};
