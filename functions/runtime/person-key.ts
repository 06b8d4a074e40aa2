/** The HMAC key of national numbers and household ids (shared/people/person-ref.ts), once per cold start. */
import { secretKeyLoader } from './secret-key.ts';

export const personKey = /* @__PURE__ */ secretKeyLoader('personKey', 'person key');
