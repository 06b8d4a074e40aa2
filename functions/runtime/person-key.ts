/** The HMAC key of national numbers and household ids (shared/people/person-ref.ts), once per cold start. */
import { secretIdVariable } from './environment-variables.ts';
import { secretKeyLoader } from './secret-key.ts';

export const personKey = secretKeyLoader(secretIdVariable('personKey'), 'person key');
