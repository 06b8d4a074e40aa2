/** `.data/endpoints.json`: how tools, tests and people find the running local target (see API.md). */
import { writeFileSync } from 'node:fs';
import type { Role } from '../../shared/auth/roles.ts';

export interface EndpointsFile {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly mailUrl: string;
  readonly users: ReadonlyArray<{
    role: Role;
    username: string;
    password: string;
    merchantId?: string;
    /** For a user with an authenticator app: the base32 secret its codes come from. */
    totpSecret?: string;
  }>;
  readonly campaignId: string;
  readonly demoVoucherCodes: readonly string[];
}

export function writeEndpointsFile(path: string, content: EndpointsFile): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}
