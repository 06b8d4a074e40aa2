/**
 * Issuance speed against DynamoDB Local: the issuance worker (shared/services/issuance-job.ts: one
 * transaction per voucher with the claim, the budget counter and the audit event, sealed codes to the letter
 * manifest in s3rver) for one run and for two runs at once on the same campaign, beside the raw writes of the
 * same items in the same run: TransactWriteItems of the same four items per voucher (what DynamoDB Local can
 * do at all; our overhead is the ratio), and BatchWriteItem without transactions or conditions (what the
 * guarantees cost).
 * Run alone (with the register parse figures): `npm exec -- node test/bench/issuance.ts [--people 2000]`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_RESOURCES } from '../../infra/local/resources.ts';
import { createDynamoDbClients, createS3Client } from '../../shared/aws/clients.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { auditItem } from '../../shared/data/audit-store.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { issuanceRunItem } from '../../shared/data/issuance-store.ts';
import { campaignKeys } from '../../shared/data/keys.ts';
import { personItem } from '../../shared/data/person-store.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { putNew } from '../../shared/data/transactions.ts';
import { voucherItem } from '../../shared/data/voucher-store.ts';
import { newId } from '../../shared/ids.ts';
import { ZERO_COUNTS } from '../../shared/issuance/issuance-run.ts';
import { SYSTEM_ACTOR } from '../../shared/ledger/audit-event.ts';
import type { Person } from '../../shared/people/person.ts';
import { createIssuanceJob } from '../../shared/services/issuance-job.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import type { Voucher } from '../../shared/vouchers/voucher.ts';
import { startBenchTarget } from './bench-target.ts';
import { benchRegisterParse, printRegisterParse } from './register-parse.ts';
import { printTable } from './stats.ts';
import type { BenchTarget } from './target-process.ts';

export interface IssuanceRow {
  readonly path: 'issuance run' | 'two runs at once' | 'raw TransactWriteItems' | 'raw BatchWriteItem';
  readonly vouchers: number;
  readonly seconds: number;
  readonly vouchersPerSecond: number;
  /** What the rows' counts say: issued / already issued / not issued for budget (runs only). */
  readonly outcome: string;
}

export interface IssuanceFigures {
  readonly people: number;
  readonly concurrency: number;
  readonly rows: readonly IssuanceRow[];
}

const FACE = 10_000;

async function chunked<T>(items: readonly T[], size: number, parallel: number, write: (chunk: T[]) => Promise<void>) {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  const workers = Array.from({ length: parallel }, async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await write(chunk);
  });
  await Promise.all(workers);
}

async function batchWrite(table: TableContext, items: readonly Record<string, unknown>[], parallel = 8) {
  await chunked(items, 25, parallel, async (chunk) => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }));
      requests = (result.UnprocessedItems?.[table.tableName] ?? []) as typeof requests;
    }
  });
}

/** A campaign with `people` issuable people (budget for all of them), written with BatchWriteItem. */
export async function seedCampaign(table: TableContext, people: number): Promise<Campaign> {
  const today = brusselsDateOf(new Date());
  const campaign: Campaign = {
    campaignId: `bench-issuance-${randomUUID().slice(0, 8)}`,
    name: 'Benchmark issuance',
    faceValueCents: FACE,
    budgetCents: people * FACE,
    startDate: today,
    endDate: addDays(today, 90),
    referenceDate: today,
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
  };
  await createCampaignStore(table).create(campaign);
  const items = Array.from({ length: people }, (_unused, index) => {
    const person: Person = {
      campaignId: campaign.campaignId,
      personRef: `p${String(index).padStart(8, '0')}`,
      householdRef: `h${String(Math.floor(index / 2)).padStart(8, '0')}`,
      birthDate: '2012-05-14',
      lastName: 'Dubois',
      firstName: 'Zoé',
      address: { street: 'Rue de la Station', houseNumber: '12', box: null, postcode: '5000', locality: 'Namur' },
      eligibility: 'AUTOMATIC',
      fingerprint: 'bench',
      version: 1,
      firstImportId: 'bench',
      lastImportId: 'bench',
      updatedAt: campaign.createdAt,
    };
    return personItem(person);
  });
  await batchWrite(table, items);
  return campaign;
}

export async function benchIssuance(
  options: { target?: BenchTarget; people?: number; concurrency?: number } = {},
): Promise<IssuanceFigures> {
  const owned = options.target ? undefined : await startBenchTarget();
  const target = options.target ?? owned;
  if (!target) throw new Error('no bench target');
  const people = options.people ?? 2000;
  const concurrency = options.concurrency ?? 4;
  const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
  const table: TableContext = { doc, tableName: target.tableName };
  const documents = createDocumentStore({
    s3: createS3Client({ region: 'eu-west-1', endpoints: target.endpoints }),
    bucket: LOCAL_RESOURCES.buckets.documents,
  });
  const deps = {
    table,
    codeKey: Buffer.from(target.codeKeyBase64, 'base64'),
    now: () => new Date(),
    documents,
    startJob: async () => undefined,
  };
  const job = createIssuanceJob(deps, { concurrency });
  const newRun = async (campaignId: string) => {
    const run = {
      runId: newId('R'),
      campaignId,
      status: 'PENDING' as const,
      createdAt: new Date().toISOString(),
      createdBy: 'bench',
      nextPart: 1,
      ...ZERO_COUNTS,
    };
    await batchWrite(table, [issuanceRunItem(run)]);
    return run.runId;
  };
  const timed = async (path: IssuanceRow['path'], campaign: Campaign, runs: number): Promise<IssuanceRow> => {
    const runIds = await Promise.all(Array.from({ length: runs }, () => newRun(campaign.campaignId)));
    const started = performance.now();
    const finished = await Promise.all(runIds.map((runId) => job.run(runId)));
    const seconds = (performance.now() - started) / 1000;
    const sum = (field: 'issued' | 'alreadyIssued' | 'notIssuedBudget') =>
      finished.reduce((total, run) => total + (run?.[field] ?? 0), 0);
    return {
      path,
      vouchers: sum('issued'),
      seconds,
      vouchersPerSecond: sum('issued') / seconds,
      outcome: `${sum('issued')} / ${sum('alreadyIssued')} / ${sum('notIssuedBudget')}`,
    };
  };

  try {
    const rows: IssuanceRow[] = [];
    rows.push(await timed('issuance run', await seedCampaign(table, people), 1));
    rows.push(await timed('two runs at once', await seedCampaign(table, people), 2));

    // The same items a voucher writes (voucher, claim, audit event; the budget counter in the transaction).
    const rawCampaign = await seedCampaign(table, 0);
    const campaignId = rawCampaign.campaignId;
    const vouchers = Array.from({ length: people }, (_unused, index) => {
      const at = new Date().toISOString();
      const voucher: Voucher = {
        voucherId: `v${randomBytes(20).toString('hex').slice(0, 32)}`,
        campaignId,
        beneficiaryRef: `p${index}`,
        householdRef: `h${index >> 1}`,
        faceValueCents: FACE,
        balanceCents: FACE,
        status: 'ACTIVE',
        issuedAt: at,
      };
      return [
        voucherItem(voucher),
        { ...campaignKeys.beneficiary(campaignId, voucher.beneficiaryRef), voucherId: voucher.voucherId },
        auditItem({
          eventId: newId('E'),
          at,
          action: 'ISSUE',
          actor: SYSTEM_ACTOR,
          entityType: 'voucher',
          entityId: voucher.voucherId,
          requestId: 'bench',
          amountCents: FACE,
        }),
      ];
    });
    const counter = {
      Update: {
        TableName: table.tableName,
        Key: campaignKeys.item(campaignId),
        UpdateExpression: 'ADD issuedValueCents :face',
        ExpressionAttributeValues: { ':face': FACE },
      },
    };
    let started = performance.now();
    await chunked(vouchers, 1, concurrency, async ([items]) => {
      if (!items) return;
      const transaction = [...items.map((item) => putNew(table.tableName, { ...item, pk: `T${item.pk}` })), counter];
      for (;;) {
        try {
          await table.doc.send(new TransactWriteCommand({ TransactItems: transaction }));
          return;
        } catch (error) {
          // Conflicts on the counter are retried at once, as the platform's own layer does (with backoff).
          if (!/Transaction(Canceled|Conflict)/.test((error as Error).name)) throw error;
        }
      }
    });
    let seconds = (performance.now() - started) / 1000;
    rows.push({
      path: 'raw TransactWriteItems',
      vouchers: people,
      seconds,
      vouchersPerSecond: people / seconds,
      outcome: '-',
    });
    started = performance.now();
    await batchWrite(table, vouchers.flat(), concurrency);
    seconds = (performance.now() - started) / 1000;
    rows.push({
      path: 'raw BatchWriteItem',
      vouchers: people,
      seconds,
      vouchersPerSecond: people / seconds,
      outcome: '-',
    });
    return { people, concurrency, rows };
  } finally {
    doc.destroy();
    await owned?.stop();
  }
}

export function printIssuance(figures: IssuanceFigures): void {
  printTable(
    `Issuance against DynamoDB Local: ${figures.people} eligible people, ${figures.concurrency} transactions in flight per run`,
    ['path', 'vouchers', 'seconds', 'vouchers/s', 'issued / already / no budget'],
    figures.rows.map((row) => [
      row.path,
      String(row.vouchers),
      row.seconds.toFixed(2),
      Math.round(row.vouchersPerSecond).toLocaleString('en'),
      row.outcome,
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { people: { type: 'string' }, rows: { type: 'string' } } });
  printRegisterParse([await benchRegisterParse({ rows: Number(values.rows ?? 100_000) })]);
  printIssuance(await benchIssuance({ people: Number(values.people ?? 2000) }));
}
