/** `.data/endpoints.json`: how tools, tests and people find the running local target (see API.md). */
import { writeFileSync } from 'node:fs';
import type { Role } from '../../shared/auth/roles.ts';

/** A demo user of the seeded town, as `npm start` prints it and the tests sign in. */
export interface DemoUser {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly merchantId?: string;
  /** For a user with an authenticator app: the base32 secret its codes come from. */
  readonly totpSecret?: string;
}

export interface EndpointsFile {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly mailUrl: string;
  readonly users: readonly DemoUser[];
  readonly campaignId: string;
  readonly demoVoucherCodes: readonly string[];
}

export function writeEndpointsFile(path: string, content: EndpointsFile): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}
