/** Schemas of the settlement routes (finance, admin) and of a shop's own settlements. */
import * as z from 'zod';
import { SETTLEMENT_RUN_STATUSES } from '../settlement/settlement.ts';
import { SETTLEMENT_FILE_KINDS } from '../settlement/settlement-run.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { NextCursorSchema, pageQuerySchema } from './paging.ts';

export const SettlementRunListQuerySchema = pageQuerySchema({ defaultLimit: 50, maxLimit: 200 });
export const MerchantSettlementListQuerySchema = pageQuerySchema({ defaultLimit: 100, maxLimit: 500 });

export const SettlementRunParamsSchema = z.strictObject({
  runId: z.string().regex(/^P[0-9A-Z]{16}$/, 'not a settlement run id'),
});

export const SettlementFileParamsSchema = SettlementRunParamsSchema.extend({
  kind: z.enum(SETTLEMENT_FILE_KINDS),
});

export const StartSettlementRunBodySchema = z
  .strictObject({
    cutoff: z.iso.datetime({ offset: true }).optional().meta({
      description:
        'Settle purchases made strictly before this instant (ISO 8601 with offset, now or earlier). Default: the end of the previous Brussels day.',
    }),
  })
  .optional()
  .meta({ id: 'StartSettlementRun' });

export const SettlementRunAcceptedSchema = z.object({ runId: z.string() }).meta({ id: 'SettlementRunAccepted' });

const WaitingShopSchema = z
  .object({
    merchantId: z.string(),
    merchantName: z.string(),
    amountCents: z.int().nonnegative(),
    redemptions: z.int().nonnegative(),
    reason: z.enum(['NO_IBAN']),
  })
  .meta({ id: 'WaitingShop', description: 'A shop whose purchases wait for the next run, and why' });

export const SettlementRunSchema = z
  .object({
    runId: z.string(),
    status: z.enum(SETTLEMENT_RUN_STATUSES),
    trigger: z.enum(['schedule', 'finance']),
    cutoff: z.string().meta({ description: 'ISO 8601: purchases made before it are settled' }),
    createdAt: z.string(),
    payoutDeadline: CalendarDateSchema.nullable().meta({
      description: 'Oldest purchase of the run + 10 days: the shops must have been paid by then',
    }),
    totalCents: z.int().nonnegative(),
    settlements: z.array(
      z.object({
        settlementId: z.string(),
        merchantId: z.string(),
        merchantName: z.string(),
        amountCents: z.int().nonnegative(),
        redemptions: z.int().nonnegative(),
        remittanceReference: z.string().nullable(),
        status: z.enum(['OPEN', 'CLOSED', 'PAID']),
        payoutDate: CalendarDateSchema.nullable(),
      }),
    ),
    waiting: z.array(WaitingShopSchema),
    files: z.array(z.enum(SETTLEMENT_FILE_KINDS)),
    reportsSentAt: z.string().optional().meta({ description: 'When finance and the shops were mailed' }),
    approvedAt: z.string().optional(),
    approvedBy: z.string().optional(),
    reminderSentAt: z.string().optional(),
    escalatedAt: z.string().optional(),
    paidAt: z.string().optional(),
    payoutDate: CalendarDateSchema.optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'SettlementRun' });

export const SettlementRunListSchema = z
  .object({
    items: z.array(
      z.object({
        runId: z.string(),
        status: z.enum(SETTLEMENT_RUN_STATUSES),
        cutoff: z.string(),
        createdAt: z.string(),
        totalCents: z.int().nonnegative(),
        payoutDeadline: CalendarDateSchema.nullable(),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .meta({ id: 'SettlementRunList' });

export const FileLinkSchema = z
  .object({ downloadUrl: z.string(), expiresAt: z.string() })
  .meta({ id: 'FileLink', description: 'A short-lived link to the document' });

export const ApprovalAnswerSchema = z
  .object({ runId: z.string(), approvedAt: z.string(), approvedBy: z.string() })
  .meta({ id: 'SettlementApproval' });

export const MerchantSettlementListSchema = z
  .object({
    items: z.array(
      z.object({
        settlementId: z.string(),
        runId: z.string(),
        amountCents: z.int().nonnegative(),
        redemptions: z.int().nonnegative(),
        remittanceReference: z.string().nullable(),
        closedAt: z.string().nullable(),
        status: z.enum(['PENDING', 'PAID']),
        payoutDate: CalendarDateSchema.nullable(),
      }),
    ),
    nextCursor: NextCursorSchema,
  })
  .meta({ id: 'MerchantSettlementList' });
