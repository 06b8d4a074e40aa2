/** The parts of an authenticated write request that the ledger use cases need: who, as what, under which key. */
import type { Principal } from '../../shared/auth/roles.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';
import { actorOf } from '../../shared/ledger/audit-event.ts';
import type { WriteRequest } from '../../shared/services/redemption-service.ts';
import type { Access } from '../routes/route.ts';

/** For merchant routes: the principal's shop is the only shop it may act for. */
export function merchantWriteRequest(
  request: { principal: Principal; idempotencyKey: string | undefined; correlationId: string },
  access: Access,
): WriteRequest {
  const { principal } = request;
  const merchantId = principal.merchantId;
  if (!merchantId) throw new DomainError('FORBIDDEN', 'This account is not linked to a shop.');
  return {
    principal: { ...principal, merchantId },
    actor: actorOf(principal, access === 'public' ? [] : access),
    // The route declares `idempotencyKey: true`, so the framework has already required it.
    idempotencyKey: request.idempotencyKey ?? '',
    requestId: request.correlationId,
  };
}
