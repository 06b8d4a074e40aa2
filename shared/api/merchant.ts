/** Schemas of the merchant routes (the scanner's API). Nothing personal ever appears in them. */
import * as z from 'zod';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuery } from './paging.ts';

export const VoucherCodeParamsSchema = z.strictObject({
  code: z.string().min(1).max(512).meta({
    description: 'The printed code (any case, with or without separators) or the QR payload URL, URL-encoded.',
  }),
});

export const VoucherBalanceSchema = z
  .object({
    balanceCents: z.int().nonnegative(),
    faceValueCents: z.int().positive(),
    status: z.enum(['ACTIVE', 'VOIDED', 'EXPIRED', 'NOT_YET_VALID']),
    validFrom: CalendarDateSchema,
    validUntil: CalendarDateSchema,
  })
  .meta({ id: 'VoucherBalance' });
export type VoucherBalance = z.infer<typeof VoucherBalanceSchema>;

export const RedeemBodySchema = z
  .strictObject({
    code: z.string().min(1).max(512),
    // Any number here: the amount rules answer 422 AMOUNT_INVALID, which the scanner explains to the shopkeeper.
    amountCents: z.number(),
  })
  .meta({ id: 'RedeemRequest' });

export const RedemptionAnswerSchema = z
  .object({
    redemptionId: z.string(),
    reference: z.string().meta({ description: 'Short reference for the receipt, e.g. R-7KQ4M2' }),
    amountCents: z.int().positive(),
    balanceAfterCents: z.int().nonnegative(),
    createdAt: z.string().meta({ description: 'ISO 8601 with the Brussels offset' }),
    reversibleUntil: z
      .string()
      .meta({ description: 'Last instant the shop can cancel it (ISO 8601, Brussels offset)' }),
  })
  .meta({ id: 'Redemption' });
export type RedemptionAnswer = z.infer<typeof RedemptionAnswerSchema>;

export const RedemptionIdParamsSchema = z.strictObject({
  redemptionId: z.string().regex(/^R[0-9A-Z]{16}$/, 'not a redemption id'),
});

export const ReversalAnswerSchema = z
  .object({
    reversalId: z.string(),
    redemptionId: z.string(),
    amountCents: z.int().positive(),
    balanceAfterCents: z.int().nonnegative(),
    createdAt: z.string(),
  })
  .meta({ id: 'Reversal' });
export type ReversalAnswer = z.infer<typeof ReversalAnswerSchema>;

export const RedemptionRangeQuerySchema = z
  .strictObject({
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    ...pageQuery({ defaultLimit: 500, maxLimit: 1000 }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });

export const MerchantRedemptionSchema = z
  .object({
    redemptionId: z.string(),
    reference: z.string(),
    amountCents: z.int().positive(),
    createdAt: z.string(),
    businessDate: CalendarDateSchema,
    status: z.enum(['ACTIVE', 'REVERSED']),
    settled: z.boolean(),
    reversible: z.boolean().meta({ description: 'The shop can still cancel it (POST …/reversal)' }),
  })
  .meta({ id: 'MerchantRedemption' });

export const MerchantRedemptionListSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    items: z.array(MerchantRedemptionSchema),
    nextCursor: NextCursorSchema,
    totalCents: z
      .int()
      .nonnegative()
      .meta({ description: 'Sum of the redemptions from..to that are not cancelled, on every page' }),
    count: z.int().nonnegative().meta({ description: 'How many redemptions from..to are not cancelled' }),
  })
  .meta({ id: 'MerchantRedemptionList' });
export type MerchantRedemptionList = z.infer<typeof MerchantRedemptionListSchema>;
