/** Schemas of the settlement routes (finance, admin) and of a shop's own settlements. */
import * as z from 'zod/mini';
import { SETTLEMENT_RUN_STATUSES } from '../settlement/settlement.ts';
import { SETTLEMENT_FILE_KINDS } from '../settlement/settlement-run.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const SettlementRunListQuerySchema = pageQuerySchema({ defaultLimit: 50, maxLimit: 200 });
export const MerchantSettlementListQuerySchema = pageQuerySchema({ defaultLimit: 100, maxLimit: 500 });

export const SettlementRunParamsSchema = z.strictObject({
  runId: z.string().check(z.regex(/^P[0-9A-Z]{16}$/, 'not a settlement run id')),
});

export const SettlementFileParamsSchema = z.extend(SettlementRunParamsSchema, {
  kind: z.enum(SETTLEMENT_FILE_KINDS),
});

export const StartSettlementRunBodySchema = z
  .optional(
    z.strictObject({
      cutoff: z.optional(z.iso.datetime({ offset: true })).check(
        z.meta({
          description:
            'Settle purchases made strictly before this instant (ISO 8601 with offset, now or earlier). Default: the end of the previous Brussels day.',
        }),
      ),
    }),
  )
  .check(z.meta({ id: 'StartSettlementRun' }));

export const SettlementRunAcceptedSchema = z
  .object({ runId: z.string() })
  .check(z.meta({ id: 'SettlementRunAccepted' }));

const WaitingShopSchema = z
  .object({
    merchantId: z.string(),
    merchantName: z.string(),
    amountCents: z.int().check(z.nonnegative()),
    redemptions: z.int().check(z.nonnegative()),
    reason: z.enum(['NO_IBAN']),
  })
  .check(z.meta({ id: 'WaitingShop', description: 'A shop whose purchases wait for the next run, and why' }));

export const SettlementRunSchema = z
  .object({
    runId: z.string(),
    status: z.enum(SETTLEMENT_RUN_STATUSES),
    trigger: z.enum(['schedule', 'finance']),
    cutoff: z.string().check(z.meta({ description: 'ISO 8601: purchases made before it are settled' })),
    createdAt: z.string(),
    payoutDeadline: z.nullable(CalendarDateSchema).check(
      z.meta({
        description: 'Oldest purchase of the run + 10 days: the shops must have been paid by then',
      }),
    ),
    totalCents: z.int().check(z.nonnegative()),
    settlements: z.array(
      z.object({
        settlementId: z.string(),
        merchantId: z.string(),
        merchantName: z.string(),
        amountCents: z.int().check(z.nonnegative()),
        redemptions: z.int().check(z.nonnegative()),
        remittanceReference: z.nullable(z.string()),
        status: z.enum(['OPEN', 'CLOSED', 'PAID']),
        payoutDate: z.nullable(CalendarDateSchema),
      }),
    ),
    waiting: z.array(WaitingShopSchema),
    files: z.array(z.enum(SETTLEMENT_FILE_KINDS)),
    reportsSentAt: z.optional(z.string()).check(z.meta({ description: 'When finance and the shops were mailed' })),
    approvedAt: z.optional(z.string()),
    approvedBy: z.optional(z.string()),
    reminderSentAt: z.optional(z.string()),
    escalatedAt: z.optional(z.string()),
    paidAt: z.optional(z.string()),
    payoutDate: z.optional(CalendarDateSchema),
    error: z.optional(z.string()),
  })
  .check(z.meta({ id: 'SettlementRun' }));

export const SettlementRunListSchema = z
  .object({
    items: z.array(
      z.object({
        runId: z.string(),
        status: z.enum(SETTLEMENT_RUN_STATUSES),
        cutoff: z.string(),
        createdAt: z.string(),
        totalCents: z.int().check(z.nonnegative()),
        payoutDeadline: z.nullable(CalendarDateSchema),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .check(z.meta({ id: 'SettlementRunList' }));

export const FileLinkSchema = z
  .object({ downloadUrl: z.string(), expiresAt: z.string() })
  .check(z.meta({ id: 'FileLink', description: 'A short-lived link to the document' }));

export const ApprovalAnswerSchema = z
  .object({ runId: z.string(), approvedAt: z.string(), approvedBy: z.string() })
  .check(z.meta({ id: 'SettlementApproval' }));

export const MerchantSettlementListSchema = z
  .object({
    items: z.array(
      z.object({
        settlementId: z.string(),
        runId: z.string(),
        amountCents: z.int().check(z.nonnegative()),
        redemptions: z.int().check(z.nonnegative()),
        remittanceReference: z.nullable(z.string()),
        closedAt: z.nullable(z.string()),
        status: z.enum(['PENDING', 'PAID']),
        payoutDate: z.nullable(CalendarDateSchema),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .check(z.meta({ id: 'MerchantSettlementList' }));
