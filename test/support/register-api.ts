/**
 * Helpers of the campaign, register, application and issuance tests: everything through the HTTP API of the
 * local target, files through the presigned URLs (plain fetch, as a browser would), polling with a deadline.
 */
import { request } from 'node:http';
import type { CampaignInput } from '../../shared/campaigns/campaign.ts';
import { addDays, brusselsDateOf, type CalendarDate } from '../../shared/time/calendar-date.ts';
import { makeNationalNumber } from '../fixtures/register/national-numbers.ts';
import { type ApiAnswer, api, localTarget, tokenFor, uniqueId } from './local-target.ts';

export const today = (): CalendarDate => brusselsDateOf(new Date());

/** A campaign input like the reference town's, with a unique name (so a unique id) per test. */
export function campaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    name: `Chèque jeunesse ${uniqueId('t')}`,
    faceValueCents: 10_000,
    budgetCents: 550_000_00,
    startDate: addDays(today(), -1),
    endDate: addDays(today(), 120),
    referenceDate: '2026-12-01',
    eligibility: {
      automatic: { minAge: 0, maxAge: 18 },
      onApplication: { minAge: 19, maxAge: 21, schoolYear: '2026-2027' },
    },
    ...overrides,
  };
}

export async function createCampaign(overrides: Partial<CampaignInput> = {}): Promise<{ campaignId: string }> {
  const answer = await api<{ campaignId: string }>('/campaigns', {
    method: 'POST',
    token: await tokenFor('staff'),
    body: campaignInput(overrides),
  });
  if (answer.status !== 201) throw new Error(`campaign not created: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Polls `read` until `done` holds, failing after `timeoutMs`; never a fixed sleep. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 400);
  }
}

export interface ImportStatus {
  importId: string;
  status: 'PENDING' | 'PROCESSING' | 'DONE' | 'FAILED';
  rows: { total: number; valid: number; invalid: number };
  people: { new: number; updated: number; unchanged: number; missing: number; notEligible: number };
  eligible: { automatic: number; onApplication: number };
  duplicates: number;
  reportUrl: string | null;
  missingReportUrl: string | null;
  file: { encoding: string; bom: boolean; delimiter: string } | null;
  error: { code: string; message: string } | null;
}

/** Creates an import, uploads `bytes` through its presigned URL and asks for processing; returns its id. */
export async function startImport(campaignId: string, bytes: Uint8Array): Promise<string> {
  const token = await tokenFor('staff');
  const created = await api<{ importId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(
    `/campaigns/${campaignId}/imports`,
    { method: 'POST', token, body: { bytes: bytes.length } },
  );
  if (created.status !== 201) throw new Error(`import not created: ${created.status} ${JSON.stringify(created.body)}`);
  const upload = await fetch(created.body.uploadUrl, {
    method: 'PUT',
    headers: created.body.uploadHeaders,
    body: Buffer.from(bytes),
  });
  if (!upload.ok) throw new Error(`upload refused: ${upload.status} ${await upload.text()}`);
  const processing = await api(`/campaigns/${campaignId}/imports/${created.body.importId}/process`, {
    method: 'POST',
    token,
  });
  if (processing.status !== 202)
    throw new Error(`process refused: ${processing.status} ${JSON.stringify(processing.body)}`);
  return created.body.importId;
}

export async function importStatus(campaignId: string, importId: string): Promise<ImportStatus> {
  const answer = await api<ImportStatus>(`/campaigns/${campaignId}/imports/${importId}`, {
    token: await tokenFor('staff'),
  });
  if (answer.status !== 200) throw new Error(`import status: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Uploads and processes a register file; resolves with the final status (DONE or FAILED). */
export async function importRegister(campaignId: string, bytes: Uint8Array): Promise<ImportStatus> {
  const importId = await startImport(campaignId, bytes);
  return pollUntil(
    `import ${importId}`,
    () => importStatus(campaignId, importId),
    (status) => status.status === 'DONE' || status.status === 'FAILED',
  );
}

export interface RunStatus {
  runId: string;
  status: 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
  issued: number;
  alreadyIssued: number;
  notIssuedBudget: number;
  issuedValueCents: number;
}

export async function startIssuance(campaignId: string, key: string): Promise<ApiAnswer<{ runId: string }>> {
  return api<{ runId: string }>(`/campaigns/${campaignId}/issuance`, {
    method: 'POST',
    token: await tokenFor('staff'),
    headers: { 'idempotency-key': key },
  });
}

export async function finishedRun(campaignId: string, runId: string): Promise<RunStatus> {
  const token = await tokenFor('staff');
  return pollUntil(
    `issuance run ${runId}`,
    async () => (await api<RunStatus>(`/campaigns/${campaignId}/issuance/${runId}`, { token })).body,
    (run) => run.status === 'DONE' || run.status === 'FAILED',
    60_000,
  );
}

/** A register line (French export, `;`) for a synthetic person born on `birthDate`. */
export function registerLine(person: {
  birthDate: CalendarDate;
  sequence: number;
  lastName?: string;
  firstName?: string;
  street?: string;
  household?: string;
}): string {
  const [year, month, day] = person.birthDate.split('-');
  return [
    makeNationalNumber(person.birthDate, person.sequence),
    person.lastName ?? 'Dubois',
    person.firstName ?? `Enfant ${person.sequence}`,
    `${day}/${month}/${year}`,
    person.street ?? 'Rue de la Station',
    String(person.sequence),
    '',
    '5000',
    'Namur',
    person.household ?? `M-${person.sequence}`,
  ].join(';');
}

export const REGISTER_HEADER = 'NISS;Nom;Prénom;Date de naissance;Rue;Numéro;Boîte;Code postal;Localité;Ménage';

export function registerFile(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`${[REGISTER_HEADER, ...lines].join('\r\n')}\r\n`);
}

/**
 * A public request from a given client address (127.0.0.0/8 is all loopback on Linux): the rate limits of
 * public routes count per address, and each test keeps to its own.
 */
export function publicPost<T>(
  path: string,
  body: unknown,
  sourceAddress: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: T }> {
  const url = new URL(`${localTarget().apiUrl}${path}`);
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: sourceAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (text ? JSON.parse(text) : {}) as T,
          });
        });
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** A loopback address of its own for one test. */
export function clientAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}
