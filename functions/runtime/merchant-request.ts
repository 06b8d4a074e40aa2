/** The merchant behind a request: its shop (the only shop it may act for) and, for writes, who and under which key. */
import type { Principal } from '../../shared/auth/roles.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';
import { actorOf } from '../../shared/ledger/audit-event.ts';
import type { WriteRequest } from '../../shared/services/redemption-service.ts';
import type { Access } from '../routes/route.ts';

/** The principal with its shop; an account linked to no shop is refused. */
export function merchantPrincipal(principal: Principal): Principal & { readonly merchantId: string } {
  const merchantId = principal.merchantId;
  if (!merchantId) throw new DomainError('FORBIDDEN', 'This account is not linked to a shop.');
  return { ...principal, merchantId };
}

/** For merchant writes: who acts, for which shop, under which Idempotency-Key. */
export function merchantWriteRequest(
  request: { principal: Principal; idempotencyKey: string; correlationId: string },
  access: Access,
): WriteRequest {
  return {
    principal: merchantPrincipal(request.principal),
    actor: actorOf(request.principal, access === 'public' ? [] : access),
    idempotencyKey: request.idempotencyKey,
    requestId: request.correlationId,
  };
}
