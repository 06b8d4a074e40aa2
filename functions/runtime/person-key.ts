/** The HMAC key of national numbers and household ids (shared/people/person-ref.ts), once per cold start. */
import { secretIdVariable } from './environment-variables.ts';
import { secretKeyLoader } from './secret-key.ts';

let load: (() => Promise<Buffer>) | undefined;

/**
 * A function, not a loader built at import: a bundle that reaches this module without using the key then
 * leaves the Secrets Manager client out (a call at module level would keep it).
 */
export function personKey(): Promise<Buffer> {
  load ??= secretKeyLoader(secretIdVariable('personKey'), 'person key');
  return load();
}
