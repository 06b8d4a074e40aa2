/** What staff look up: a voucher by its code, a household's members (with a reason), the audit log. */
import {
  AuditPageSchema,
  AuditQuerySchema,
  HouseholdParamsSchema,
  HouseholdSchema,
  HouseholdViewBodySchema,
  StaffVoucherSchema,
  VoucherLookupBodySchema,
} from '../../shared/api/staff-lookups.ts';
import { defineRoute } from './route.ts';

const STAFF = ['staff', 'admin'] as const;

export const staffLookupRoutes = {
  lookupVoucherForStaff: defineRoute({
    operationId: 'lookupVoucherForStaff',
    method: 'POST',
    path: '/vouchers/lookup',
    entry: 'functions/staff/lookup-voucher.ts',
    access: STAFF,
    summary: "A voucher from its code (in the body): balance, status, history, its household's reference (audited)",
    tag: 'vouchers',
    body: VoucherLookupBodySchema,
    success: { status: 200, description: 'The voucher (no names)', schema: StaffVoucherSchema },
    errors: ['VOUCHER_NOT_FOUND'],
    permissions: { table: 'readWrite', secrets: ['voucherCodeKey'] },
  }),
  viewHousehold: defineRoute({
    operationId: 'viewHousehold',
    method: 'POST',
    path: '/campaigns/{campaignId}/households/{householdRef}/views',
    entry: 'functions/staff/view-household.ts',
    access: STAFF,
    summary: "A household's members and their vouchers: names, so the reason is required and the look-up audited",
    tag: 'vouchers',
    params: HouseholdParamsSchema,
    body: HouseholdViewBodySchema,
    success: { status: 200, description: 'The household', schema: HouseholdSchema },
    errors: ['HOUSEHOLD_NOT_FOUND'],
    permissions: { table: 'readWrite' },
  }),
  listAuditEvents: defineRoute({
    operationId: 'listAuditEvents',
    method: 'GET',
    path: '/audit-events',
    entry: 'functions/staff/list-audit-events.ts',
    access: STAFF,
    summary: 'The audit log of a day (default today), newest first, by entity, actor or action; who looked at whom',
    tag: 'audit',
    query: AuditQuerySchema,
    success: { status: 200, description: 'A page of the log', schema: AuditPageSchema },
    errors: [],
    permissions: { table: 'read' },
  }),
};
