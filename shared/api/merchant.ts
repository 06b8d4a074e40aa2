/** Schemas of the merchant routes (the scanner's API). Nothing personal ever appears in them. */
import * as z from 'zod/mini';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuery } from './paging.ts';

export const VoucherCodeParamsSchema = z.strictObject({
  code: z.string().check(
    z.minLength(1),
    z.maxLength(512),
    z.meta({
      description: 'The printed code (any case, with or without separators) or the QR payload URL, URL-encoded.',
    }),
  ),
});

export const VoucherBalanceSchema = z
  .object({
    balanceCents: z.int().check(z.nonnegative()),
    faceValueCents: z.int().check(z.positive()),
    status: z.enum(['ACTIVE', 'VOIDED', 'EXPIRED', 'NOT_YET_VALID']),
    validFrom: CalendarDateSchema,
    validUntil: CalendarDateSchema,
  })
  .check(z.meta({ id: 'VoucherBalance' }));
export type VoucherBalance = z.infer<typeof VoucherBalanceSchema>;

export const RedeemBodySchema = z
  .strictObject({
    code: z.string().check(z.minLength(1), z.maxLength(512)),
    // Any number here: the amount rules answer 422 AMOUNT_INVALID, which the scanner explains to the shopkeeper.
    amountCents: z.number(),
  })
  .check(z.meta({ id: 'RedeemRequest' }));

export const RedemptionAnswerSchema = z
  .object({
    redemptionId: z.string(),
    reference: z.string().check(z.meta({ description: 'Short reference for the receipt, e.g. R-7KQ4M2' })),
    amountCents: z.int().check(z.positive()),
    balanceAfterCents: z.int().check(z.nonnegative()),
    createdAt: z.string().check(z.meta({ description: 'ISO 8601 with the Brussels offset' })),
    reversibleUntil: z
      .string()
      .check(z.meta({ description: 'Last instant the shop can cancel it (ISO 8601, Brussels offset)' })),
  })
  .check(z.meta({ id: 'Redemption' }));
export type RedemptionAnswer = z.infer<typeof RedemptionAnswerSchema>;

export const RedemptionIdParamsSchema = z.strictObject({
  redemptionId: z.string().check(z.regex(/^R[0-9A-Z]{16}$/, 'not a redemption id')),
});

export const ReversalAnswerSchema = z
  .object({
    reversalId: z.string(),
    redemptionId: z.string(),
    amountCents: z.int().check(z.positive()),
    balanceAfterCents: z.int().check(z.nonnegative()),
    createdAt: z.string(),
  })
  .check(z.meta({ id: 'Reversal' }));
export type ReversalAnswer = z.infer<typeof ReversalAnswerSchema>;

export const RedemptionRangeQuerySchema = z
  .strictObject({
    from: z.optional(CalendarDateSchema),
    to: z.optional(CalendarDateSchema),
    ...pageQuery({ defaultLimit: 500, maxLimit: 1000 }),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] }),
  );

export const MerchantRedemptionSchema = z
  .object({
    redemptionId: z.string(),
    reference: z.string(),
    amountCents: z.int().check(z.positive()),
    createdAt: z.string(),
    businessDate: CalendarDateSchema,
    status: z.enum(['ACTIVE', 'REVERSED']),
    settled: z.boolean(),
    reversible: z.boolean().check(z.meta({ description: 'The shop can still cancel it (POST …/reversal)' })),
  })
  .check(z.meta({ id: 'MerchantRedemption' }));

export const MerchantRedemptionListSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    items: z.array(MerchantRedemptionSchema),
    nextCursor: NextCursorSchema,
    totalCents: z
      .int()
      .check(
        z.nonnegative(),
        z.meta({ description: 'Sum of the redemptions from..to that are not cancelled, on every page' }),
      ),
    count: z.int().check(z.nonnegative(), z.meta({ description: 'How many redemptions from..to are not cancelled' })),
  })
  .check(z.meta({ id: 'MerchantRedemptionList' }));
export type MerchantRedemptionList = z.infer<typeof MerchantRedemptionListSchema>;
