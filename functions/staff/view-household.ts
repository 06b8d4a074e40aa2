/** POST /campaigns/{campaignId}/households/{householdRef}/views: the members, with the reason, audited. */
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createStaffLookupService } from '../../shared/services/staff-lookup-service.ts';
import { staffLookupRoutes } from '../routes/staff-lookups.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const service = createStaffLookupService({ table: tableFromEnvironment(), now: () => new Date() });
const route = staffLookupRoutes.viewHousehold;

export const handler = httpHandler(route, ({ params, body, principal, correlationId }) =>
  service.household(params.campaignId, params.householdRef, body.reason, {
    actor: actorOf(principal, route.access),
    requestId: correlationId,
  }),
);
