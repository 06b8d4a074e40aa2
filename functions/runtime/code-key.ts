/**
 * The HMAC key of voucher codes, read from Secrets Manager once per cold start (the local target runs a
 * Secrets Manager endpoint of its own, so this is the same call in both targets).
 */
import { secretIdVariable } from './environment-variables.ts';
import { secretKeyLoader } from './secret-key.ts';

let load: (() => Promise<Buffer>) | undefined;

/**
 * A function, not a loader built at import: a bundle that reaches this module without using the key then
 * leaves the Secrets Manager client out (a call at module level would keep it).
 */
export function voucherCodeKey(): Promise<Buffer> {
  load ??= secretKeyLoader(secretIdVariable('voucherCodeKey'), 'voucher code key');
  return load();
}
