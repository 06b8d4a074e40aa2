/** Schemas of what staff look up: a voucher by its code, a household's members (with a reason), the audit log. */
import * as z from 'zod';
import { AUDIT_ACTIONS } from '../ledger/audit-event.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { pageQuery } from './paging.ts';

export const VoucherLookupBodySchema = z
  .strictObject({
    code: z.string().min(1).max(512).meta({
      description: 'The printed code or the QR payload: in the body, so that no code reaches an access log',
    }),
  })
  .meta({ id: 'VoucherLookup' });

export const StaffVoucherSchema = z
  .object({
    voucherId: z.string(),
    campaignId: z.string(),
    householdRef: z.string().meta({ description: 'Opaque: opening the household asks for a reason' }),
    status: z.enum(['ACTIVE', 'VOIDED']),
    balanceCents: z.int().nonnegative(),
    faceValueCents: z.int().nonnegative(),
    issuedAt: z.string(),
    replacedByVoucherId: z.string().nullable(),
    replacesVoucherId: z.string().nullable(),
    history: z.array(
      z.object({
        at: z.string(),
        action: z.enum(['ISSUE', 'REDEEM', 'REVERSE', 'VOID', 'REISSUE']),
        amountCents: z.int().nonnegative(),
        balanceAfterCents: z.int().nonnegative().nullable(),
        merchantId: z.string().nullable(),
        merchantName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'StaffVoucher' });

export const HouseholdParamsSchema = CampaignIdParamsSchema.extend({
  householdRef: z.string().regex(/^[0-9A-Za-z_-]{4,64}$/, 'not a household reference'),
});

export const HouseholdViewBodySchema = z
  .strictObject({
    reason: z.string().trim().min(10, 'say why you need to see who lives there (10 characters at least)').max(500),
  })
  .meta({ id: 'HouseholdViewRequest' });

export const HouseholdSchema = z
  .object({
    campaignId: z.string(),
    householdRef: z.string(),
    members: z.array(
      z.object({
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
        voucherId: z.string(),
        status: z.enum(['ACTIVE', 'VOIDED']),
        balanceCents: z.int().nonnegative(),
        faceValueCents: z.int().nonnegative(),
      }),
    ),
  })
  .meta({ id: 'Household' });

export const AuditQuerySchema = z.strictObject({
  day: CalendarDateSchema.optional(),
  entityType: z
    .enum(['voucher', 'campaign', 'import', 'issuanceRun', 'application', 'merchant', 'settlementRun', 'household'])
    .optional(),
  entityId: z.string().max(128).optional(),
  actorId: z.string().max(128).optional(),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: 'The username of who acted (what staff know of each other), any case' }),
  action: z.enum(AUDIT_ACTIONS).optional(),
  ...pageQuery({ defaultLimit: 200, maxLimit: 500 }),
});

export const AuditPageSchema = z
  .object({
    day: CalendarDateSchema,
    items: z.array(
      z.object({
        eventId: z.string(),
        at: z.string(),
        action: z.enum(AUDIT_ACTIONS),
        actor: z.object({ userId: z.string(), username: z.string(), role: z.string() }),
        entityType: z.string(),
        entityId: z.string(),
        amountCents: z.int().optional(),
        details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AuditPage' });
