/** Schema of the campaign dashboard (staff, admin, finance): figures equal to the ledger's sums. */
import * as z from 'zod/mini';
import { CalendarDateSchema } from '../time/calendar-date-schema.ts';

const count = z.int().check(z.nonnegative());

const SalesSchema = { redemptions: count, amountCents: z.int().check(z.nonnegative()) };

export const DashboardSchema = z
  .object({
    campaignId: z.string(),
    asOf: z.string().check(
      z.meta({
        description:
          'ISO 8601: when the newest ledger change these figures include was made (purchases, reversals, issues and ' +
          'voids are counted within seconds); the campaign’s creation while nothing has happened yet',
      }),
    ),
    budgetCents: z.int().check(z.nonnegative()),
    issued: z.object({ count, valueCents: z.int().check(z.nonnegative()) }).check(
      z.meta({
        description: 'Vouchers issued and their face value (a replacement of a lost voucher is not a new one)',
      }),
    ),
    redeemed: z.object({ count, valueCents: z.int().check(z.nonnegative()) }).check(
      z.meta({
        description: 'Purchases net of reversals: their number and amount, equal to the sums of the redemptions',
      }),
    ),
    remainingCents: z.int().check(
      z.meta({
        description:
          'budgetCents - redeemed.valueCents: the part of the budget not spent in shops yet ' +
          '(= unissuedCents + remainingBalancesCents)',
      }),
    ),
    unissuedCents: z
      .int()
      .check(z.meta({ description: 'budgetCents - issued.valueCents: the budget no voucher holds' })),
    remainingBalancesCents: z.int().check(
      z.nonnegative(),
      z.meta({
        description:
          'What the active vouchers still hold (issued.valueCents - redeemed.valueCents): the most the town may ' +
          'still pay shops for the vouchers issued so far',
      }),
    ),
    households: z
      .object({ total: count, used: count })
      .check(
        z.meta({ description: 'Households holding a voucher, and those that used at least one (net of reversals)' }),
      ),
    vouchers: z.object({ notUsed: count, partlyUsed: count, fullyUsed: count }).check(
      z.meta({
        description:
          'Issued vouchers by what was spent of their face value, net of reversals (a voucher and its replacements ' +
          'count as one)',
      }),
    ),
    byMerchant: z
      .array(z.object({ merchantId: z.string(), name: z.string(), ...SalesSchema }))
      .check(
        z.meta({ description: 'Every shop enrolled in the campaign (or that sold in it), by amount, largest first' }),
      ),
    byDay: z.array(z.object({ date: CalendarDateSchema, ...SalesSchema })).check(
      z.meta({
        description: 'Brussels days with purchases, oldest first; a reversal counts against its purchase’s day',
      }),
    ),
  })
  .check(z.meta({ id: 'CampaignDashboard' }));
export type Dashboard = z.infer<typeof DashboardSchema>;
