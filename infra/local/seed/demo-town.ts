/**
 * Seeds the demo town on the first `npm start`: one open campaign, the partner shops (enrolled in it) and
 * a demo user for every role. Idempotent: fixed ids and conditional writes, so a start interrupted
 * half-way simply seeds again.
 */
import type { Role } from '../../../shared/auth/roles.ts';
import type { Campaign } from '../../../shared/campaigns/campaign.ts';
import { createCampaignStore } from '../../../shared/data/campaign-store.ts';
import { createMerchantStore } from '../../../shared/data/merchant-store.ts';
import type { TableContext } from '../../../shared/data/table.ts';
import { euros } from '../../../shared/money/money.ts';
import { addDays, brusselsDateOf } from '../../../shared/time/calendar-date.ts';
import type { LocalIdentityProvider } from '../auth/local-identity.ts';
import { DEMO_MERCHANTS, syntheticBelgianIban } from './demo-merchants.ts';

export const DEMO_CAMPAIGN_ID = 'demo-campaign';
export const DEMO_TOWN_NAME = 'Boussu (démo)';

export interface DemoUser {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly merchantId?: string;
  /** The base32 secret of the demo authenticator app: this user signs in with its current 6-digit code too. */
  readonly totpSecret?: string;
}

export interface DemoTown {
  readonly campaignId: string;
  readonly merchantIds: readonly string[];
  readonly users: readonly DemoUser[];
}

export function demoMerchantId(index: number): string {
  return `demo-shop-${(index + 1).toString().padStart(2, '0')}`;
}

/** Demo credentials: local target only, printed by `npm start` and written to .data/endpoints.json. */
export const DEMO_USERS: readonly DemoUser[] = [
  { role: 'admin', username: 'admin', password: 'demo-admin-pass' },
  { role: 'staff', username: 'agent', password: 'demo-staff-pass' },
  { role: 'finance', username: 'finance', password: 'demo-finance-pass' },
  { role: 'merchant', username: 'boulangerie', password: 'demo-shop-pass', merchantId: demoMerchantId(0) },
  { role: 'merchant', username: 'librairie', password: 'demo-shop-pass', merchantId: demoMerchantId(10) },
  // Staff sign in with an authenticator app in AWS: this one does locally too (add the secret to an app).
  {
    role: 'staff',
    username: 'agent-totp',
    password: 'demo-staff-pass',
    totpSecret: 'DEMOSTAFFTOTPSECRETJBSWY3DPEHPK3',
  },
];

export async function seedDemoTown(table: TableContext, identity: LocalIdentityProvider, now: Date): Promise<DemoTown> {
  const today = brusselsDateOf(now);
  const createdAt = now.toISOString();
  const campaign: Campaign = {
    campaignId: DEMO_CAMPAIGN_ID,
    name: 'Chèque commerce jeunesse',
    faceValueCents: euros(100),
    budgetCents: euros(550_000),
    startDate: today,
    endDate: addDays(today, 119), // open 120 days, both ends included
    referenceDate: today,
    eligibility: { automatic: { minAge: 0, maxAge: 18 }, onApplication: { minAge: 19, maxAge: 21 } },
    createdAt,
  };
  const campaigns = createCampaignStore(table);
  await campaigns.create(campaign);
  // On a later start the campaign keeps the dates of its first start.
  const stored = (await campaigns.get(campaign.campaignId)) ?? campaign;

  const merchants = createMerchantStore(table);
  const merchantIds: string[] = [];
  for (const [index, shop] of DEMO_MERCHANTS.entries()) {
    const merchantId = demoMerchantId(index);
    merchantIds.push(merchantId);
    await merchants.create({
      merchantId,
      name: shop.name,
      category: shop.category,
      address: shop.address,
      iban: syntheticBelgianIban(990, 1_000_000 + index * 7919),
      email: `${merchantId}@shops.demo.invalid`,
      status: shop.active ? 'ACTIVE' : 'INACTIVE',
      createdAt,
    });
    if (shop.active) await merchants.enrol(merchantId, stored, createdAt);
  }

  for (const user of DEMO_USERS) {
    if (!identity.hasUser(user.username)) identity.upsertUser({ ...user, roles: [user.role] });
  }
  return { campaignId: campaign.campaignId, merchantIds, users: DEMO_USERS };
}
