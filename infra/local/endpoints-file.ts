/** `.data/endpoints.json`: how tools, tests and people find the running local target (see API.md). */
import { writeFileSync } from 'node:fs';
import type { DemoUser } from './seed/demo-town.ts';

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
