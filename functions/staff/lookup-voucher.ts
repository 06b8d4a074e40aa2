/** POST /vouchers/lookup: a voucher from its code (in the body, out of the access logs), audited. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createStaffLookupService } from '../../shared/services/staff-lookup-service.ts';
import { staffLookupRoutes } from '../routes/staff-lookups.ts';
import { voucherCodeKey } from '../runtime/code-key.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { once } from '../runtime/once.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const service = once(async () =>
  createStaffLookupService({ table: tableFromEnvironment(), codeKey: await voucherCodeKey(), now: () => new Date() }),
);
const route = staffLookupRoutes.lookupVoucherForStaff;

export const handler = httpHandler(route, async ({ body, principal, correlationId }) =>
  (await service()).voucherByCode(body.code, { actor: actorOf(principal, route.access), requestId: correlationId }),
);
