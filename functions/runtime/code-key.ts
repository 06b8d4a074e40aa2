/**
 * The HMAC key of voucher codes, read from Secrets Manager once per cold start (the local target runs a
 * Secrets Manager endpoint of its own, so this is the same call in both targets).
 */
import { secretKeyLoader } from './secret-key.ts';

export const voucherCodeKey = /* @__PURE__ */ secretKeyLoader('voucherCodeKey', 'voucher code key');
