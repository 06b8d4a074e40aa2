/**
 * Test data for the ledger, created in the local target's table through the same use cases as the
 * platform (issuance) or the same stores (campaigns, shops): each test gets its own campaign, shops and
 * vouchers, so tests run in parallel without seeing each other.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LocalIdentityProvider } from '../../infra/local/auth/local-identity.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { Campaign } from '../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { redemptionKeys } from '../../shared/data/keys.ts';
import { createMerchantStore } from '../../shared/data/merchant-store.ts';
import { SYSTEM_ACTOR } from '../../shared/ledger/audit-event.ts';
import { createVoucherService } from '../../shared/services/voucher-service.ts';
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import { localTable, localTarget, uniqueId } from './local-target.ts';

export const today = () => brusselsDateOf(new Date());

export function codeKey(): Buffer {
  return Buffer.from(localTarget().codeKeyBase64, 'base64');
}

export async function createTestCampaign(overrides: Partial<Campaign> = {}): Promise<Campaign> {
  const campaign: Campaign = {
    campaignId: uniqueId('cmp'),
    name: 'Test campaign',
    faceValueCents: 10_000,
    budgetCents: 1_000_000_00,
    startDate: addDays(today(), -10),
    endDate: addDays(today(), 30),
    referenceDate: addDays(today(), -10),
    eligibility: { automatic: { minAge: 0, maxAge: 18 } },
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  await createCampaignStore(localTable()).create(campaign);
  return campaign;
}

export interface TestShop {
  readonly merchantId: string;
  readonly token: string;
}

/** A new shop, enrolled in the campaigns given, with a merchant token for it. */
export async function createTestShop(options: {
  campaigns: Campaign[];
  status?: 'ACTIVE' | 'INACTIVE';
}): Promise<TestShop> {
  const merchantId = uniqueId('shop');
  const store = createMerchantStore(localTable());
  await store.create({
    merchantId,
    name: `Test shop ${merchantId}`,
    category: 'other',
    address: { street: 'Rue du Test', number: '1', postcode: '7300', locality: 'Boussu' },
    iban: 'BE68539007547034',
    email: `${merchantId}@shops.test.invalid`,
    status: options.status ?? 'ACTIVE',
    createdAt: new Date().toISOString(),
  });
  for (const campaign of options.campaigns) await store.enrol(merchantId, campaign, new Date().toISOString());
  return { merchantId, token: await mintToken(['merchant'], merchantId) };
}

let identity: Promise<LocalIdentityProvider> | undefined;

/** A token for a throw-away user with these roles (signed with the local target's key). */
export async function mintToken(roles: Role[], merchantId?: string): Promise<string> {
  identity ??= LocalIdentityProvider.open(localTarget().identityDir);
  const username = uniqueId(roles.join('-'));
  const issued = await (await identity).mint({
    sub: randomUUID(),
    username,
    roles,
    ...(merchantId ? { merchantId } : {}),
  });
  return issued.accessToken;
}

export interface TestVoucher {
  readonly voucherId: string;
  /** Printed form, as on the letter. */
  readonly code: string;
}

/** A new voucher for a new person, in a household of its own unless `householdRef` names one. */
export async function issueTestVoucher(
  campaign: Campaign,
  options: { householdRef?: string } = {},
): Promise<TestVoucher> {
  const service = createVoucherService({ table: localTable(), codeKey: codeKey(), now: () => new Date() });
  const result = await service.issue({
    campaign,
    beneficiaryRef: uniqueId('person'),
    householdRef: options.householdRef ?? uniqueId('household'),
    actor: SYSTEM_ACTOR,
    requestId: 'test',
  });
  if (result.outcome !== 'ISSUED') throw new Error(`not issued: ${result.outcome}`);
  return { voucherId: result.voucher.voucherId, code: formatCode(result.code) };
}

/** Marks a redemption as paid out, as the settlement run will. */
export async function markSettled(redemptionId: string): Promise<void> {
  const table = localTable();
  await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: redemptionKeys.item(redemptionId),
      UpdateExpression: 'SET settlementId = :s REMOVE gsi3pk, gsi3sk',
      ExpressionAttributeValues: { ':s': uniqueId('settlement') },
    }),
  );
}

/** Moves a redemption back in time (its creation instant and business day), to test the reversal window. */
export async function backdateRedemption(redemptionId: string, createdAt: Date): Promise<void> {
  const table = localTable();
  await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: redemptionKeys.item(redemptionId),
      UpdateExpression: 'SET createdAt = :at, businessDate = :day',
      ExpressionAttributeValues: { ':at': createdAt.toISOString(), ':day': brusselsDateOf(createdAt) },
    }),
  );
}

export function idempotencyKey(): string {
  return randomUUID();
}
