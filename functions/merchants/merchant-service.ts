/** The merchant service of the shop handlers, built once per cold start, and the caller a request stands for. */
import type { Principal } from '../../shared/auth/roles.ts';
import { actorOf } from '../../shared/ledger/audit-event.ts';
import { createMerchantService, type MerchantCaller } from '../../shared/services/merchant-service.ts';
import type { Access } from '../routes/route.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

export const merchants = createMerchantService({ table: tableFromEnvironment(), now: () => new Date() });

export function callerOf(request: { principal: Principal; correlationId: string }, access: Access): MerchantCaller {
  return {
    actor: actorOf(request.principal, access === 'public' ? [] : access),
    roles: request.principal.roles,
    requestId: request.correlationId,
  };
}
