/**
 * What staff may look up, and the trace each look-up leaves: a voucher by its code (balance and history, no
 * names), a household's members (names, with the reason given), and the audit log itself (who looked at whom).
 */
import { createAuditStore } from '../data/audit-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import type { TableContext } from '../data/table.ts';
import { createVoucherStore } from '../data/voucher-store.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor, AuditEvent } from '../ledger/audit-event.ts';
import { brusselsDateOf, type CalendarDate } from '../time/calendar-date.ts';
import { voucherIdForCode } from '../vouchers/code-hash.ts';
import { parseCodeOrUrl } from '../vouchers/voucher-code.ts';

export interface StaffLookupDependencies {
  readonly table: TableContext;
  readonly codeKey?: Buffer;
  readonly now: () => Date;
}

export interface StaffRequest {
  readonly actor: Actor;
  readonly requestId: string;
}

/** What moves a voucher's balance, as its history shows it. */
const HISTORY_ACTIONS = ['ISSUE', 'REDEEM', 'REVERSE', 'VOID', 'REISSUE'] as const;
type HistoryAction = (typeof HISTORY_ACTIONS)[number];
const isHistory = (event: AuditEvent): event is AuditEvent & { action: HistoryAction } =>
  (HISTORY_ACTIONS as readonly string[]).includes(event.action);

/** At most this many audit events per answer: a day is read page by page. */
const AUDIT_PAGE = 200;

export function createStaffLookupService(deps: StaffLookupDependencies) {
  const vouchers = createVoucherStore(deps.table);
  const merchants = createMerchantStore(deps.table);
  const people = createPersonStore(deps.table);
  const audits = createAuditStore(deps.table);

  const trace = (
    request: StaffRequest,
    action: AuditEvent['action'],
    entity: Pick<AuditEvent, 'entityType' | 'entityId'>,
    details: Record<string, string | number>,
  ) =>
    audits.record({
      eventId: newId('E'),
      at: deps.now().toISOString(),
      action,
      actor: request.actor,
      ...entity,
      requestId: request.requestId,
      details,
    });

  return {
    /** A voucher from its printed code or QR payload: balance, status, its household's reference, its history. */
    async voucherByCode(code: string, request: StaffRequest) {
      if (!deps.codeKey) throw new Error('Looking up codes needs the voucher code key');
      const parsed = parseCodeOrUrl(code);
      if (!parsed.ok) {
        throw new DomainError(
          'VOUCHER_NOT_FOUND',
          parsed.problem === 'CHECK_FAILED'
            ? 'This code has a typo: check each character.'
            : 'This is not a voucher code.',
        );
      }
      const voucher = await vouchers.get(voucherIdForCode(deps.codeKey, parsed.code));
      if (!voucher) throw new DomainError('VOUCHER_NOT_FOUND', 'No voucher has this code.');
      await trace(
        request,
        'VIEW_VOUCHER',
        { entityType: 'voucher', entityId: voucher.voucherId },
        {
          campaignId: voucher.campaignId,
        },
      );
      const [events, shops] = await Promise.all([audits.forEntity('voucher', voucher.voucherId), merchants.list()]);
      const names = new Map(shops.map((shop) => [shop.merchantId, shop.name]));
      return {
        voucherId: voucher.voucherId,
        campaignId: voucher.campaignId,
        householdRef: voucher.householdRef,
        status: voucher.status,
        balanceCents: voucher.balanceCents,
        faceValueCents: voucher.faceValueCents,
        issuedAt: voucher.issuedAt,
        replacedByVoucherId: voucher.replacedByVoucherId ?? null,
        replacesVoucherId: voucher.replacesVoucherId ?? null,
        history: events.filter(isHistory).map((event) => {
          const merchantId = typeof event.details?.merchantId === 'string' ? event.details.merchantId : undefined;
          return {
            at: event.at,
            action: event.action,
            amountCents: event.amountCents ?? 0,
            balanceAfterCents: event.balanceAfterCents ?? null,
            merchantId: merchantId ?? null,
            merchantName: merchantId ? (names.get(merchantId) ?? merchantId) : null,
          };
        }),
      };
    },

    /**
     * A household's members and their vouchers: names are personal data, so staff say why they look, and
     * the look-up is audited with that reason (the audit log shows who looked at whom).
     */
    async household(campaignId: string, householdRef: string, reason: string, request: StaffRequest) {
      const held = await vouchers.ofHousehold(campaignId, householdRef);
      if (held.length === 0) {
        throw new DomainError('HOUSEHOLD_NOT_FOUND', `No voucher of campaign ${campaignId} belongs to this household.`);
      }
      await trace(
        request,
        'VIEW_HOUSEHOLD',
        { entityType: 'household', entityId: householdRef },
        {
          campaignId,
          reason,
        },
      );
      const persons = await people.getMany(
        campaignId,
        held.map((voucher) => voucher.beneficiaryRef),
      );
      return {
        campaignId,
        householdRef,
        members: held.map((voucher) => {
          const person = persons.get(voucher.beneficiaryRef);
          return {
            // Gone after the campaign's purge date: the vouchers stay, the names do not.
            firstName: person?.firstName ?? null,
            lastName: person?.lastName ?? null,
            voucherId: voucher.voucherId,
            status: voucher.status,
            balanceCents: voucher.balanceCents,
            faceValueCents: voucher.faceValueCents,
          };
        }),
      };
    },

    /**
     * The audit log of a Brussels day, newest first, filtered by entity, actor or action; `cursor` continues
     * where the previous answer stopped.
     */
    async auditLog(filter: {
      day?: CalendarDate;
      entityType?: AuditEvent['entityType'];
      entityId?: string;
      actorId?: string;
      /** A username, any case. */
      actor?: string;
      action?: AuditEvent['action'];
      cursor?: string;
      /** Matches per page (default AUDIT_PAGE). */
      limit?: number;
    }) {
      const day = filter.day ?? brusselsDateOf(deps.now());
      const actor = filter.actor?.toLowerCase();
      // Filtered after reading: the page reads on until it holds `limit` matches or the day ends.
      const page = await audits.forDay(
        day,
        { limit: filter.limit ?? AUDIT_PAGE, cursor: filter.cursor },
        (event) =>
          (!filter.entityType || event.entityType === filter.entityType) &&
          (!filter.entityId || event.entityId === filter.entityId) &&
          (!filter.actorId || event.actor.userId === filter.actorId) &&
          (!actor || event.actor.username.toLowerCase() === actor) &&
          (!filter.action || event.action === filter.action),
      );
      return { day, items: page.events, nextCursor: page.nextCursor };
    },
  };
}

export type StaffLookupService = ReturnType<typeof createStaffLookupService>;
