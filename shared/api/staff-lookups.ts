/** Schemas of what staff look up: a voucher by its code, a household's members (with a reason), the audit log. */
import * as z from 'zod/mini';
import { AUDIT_ACTIONS } from '../ledger/audit-event.ts';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';
import { CampaignIdParamsSchema } from './campaigns.ts';
import { pageQuery } from './paging.ts';

export const VoucherLookupBodySchema = z
  .strictObject({
    code: z.string().check(
      z.minLength(1),
      z.maxLength(512),
      z.meta({
        description: 'The printed code or the QR payload: in the body, so that no code reaches an access log',
      }),
    ),
  })
  .check(z.meta({ id: 'VoucherLookup' }));

export const StaffVoucherSchema = z
  .object({
    voucherId: z.string(),
    campaignId: z.string(),
    householdRef: z.string().check(z.meta({ description: 'Opaque: opening the household asks for a reason' })),
    status: z.enum(['ACTIVE', 'VOIDED']),
    balanceCents: z.int().check(z.nonnegative()),
    faceValueCents: z.int().check(z.nonnegative()),
    issuedAt: z.string(),
    replacedByVoucherId: z.nullable(z.string()),
    replacesVoucherId: z.nullable(z.string()),
    history: z.array(
      z.object({
        at: z.string(),
        action: z.enum(['ISSUE', 'REDEEM', 'REVERSE', 'VOID', 'REISSUE']),
        amountCents: z.int().check(z.nonnegative()),
        balanceAfterCents: z.nullable(z.int().check(z.nonnegative())),
        merchantId: z.nullable(z.string()),
        merchantName: z.nullable(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: 'StaffVoucher' }));

export const HouseholdParamsSchema = z.extend(CampaignIdParamsSchema, {
  householdRef: z.string().check(z.regex(/^[0-9A-Za-z_-]{4,64}$/, 'not a household reference')),
});

export const HouseholdViewBodySchema = z
  .strictObject({
    reason: z
      .string()
      .check(
        z.trim(),
        z.minLength(10, 'say why you need to see who lives there (10 characters at least)'),
        z.maxLength(500),
      ),
  })
  .check(z.meta({ id: 'HouseholdViewRequest' }));

export const HouseholdSchema = z
  .object({
    campaignId: z.string(),
    householdRef: z.string(),
    members: z.array(
      z.object({
        firstName: z.nullable(z.string()),
        lastName: z.nullable(z.string()),
        voucherId: z.string(),
        status: z.enum(['ACTIVE', 'VOIDED']),
        balanceCents: z.int().check(z.nonnegative()),
        faceValueCents: z.int().check(z.nonnegative()),
      }),
    ),
  })
  .check(z.meta({ id: 'Household' }));

export const AuditQuerySchema = z.strictObject({
  day: z.optional(CalendarDateSchema),
  entityType: z.optional(
    z.enum(['voucher', 'campaign', 'import', 'issuanceRun', 'application', 'merchant', 'settlementRun', 'household']),
  ),
  entityId: z.optional(z.string().check(z.maxLength(128))),
  actorId: z.optional(z.string().check(z.maxLength(128))),
  actor: z
    .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128)))
    .check(z.meta({ description: 'The username of who acted (what staff know of each other), any case' })),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
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
        amountCents: z.optional(z.int()),
        details: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
      }),
    ),
    nextCursor: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'AuditPage' }));
