/** A campaign's dashboard counters, as the aggregator adds to them and the dashboard reads them back. */
import type { UsageFigures } from './household-usage.ts';

export interface CampaignFigures extends UsageFigures {
  /** Redemptions net of reversals. */
  readonly redemptions: number;
  readonly redeemedCents: number;
}

export const FIGURE_NAMES = [
  'redemptions',
  'redeemedCents',
  'households',
  'householdsUsed',
  'vouchersNotUsed',
  'vouchersPartlyUsed',
  'vouchersFullyUsed',
  'remainingBalancesCents',
] as const satisfies readonly (keyof CampaignFigures)[];

export const ZERO_FIGURES: CampaignFigures = {
  redemptions: 0,
  redeemedCents: 0,
  households: 0,
  householdsUsed: 0,
  vouchersNotUsed: 0,
  vouchersPartlyUsed: 0,
  vouchersFullyUsed: 0,
  remainingBalancesCents: 0,
};

/** Net sales of one shop, or of one day. */
export interface SalesFigures {
  readonly redemptions: number;
  readonly amountCents: number;
}

/** a + sign × b, figure by figure. */
export function combineFigures(a: CampaignFigures, b: Partial<CampaignFigures>, sign: 1 | -1 = 1): CampaignFigures {
  const figure = (name: (typeof FIGURE_NAMES)[number]) => a[name] + sign * (b[name] ?? 0);
  return {
    redemptions: figure('redemptions'),
    redeemedCents: figure('redeemedCents'),
    households: figure('households'),
    householdsUsed: figure('householdsUsed'),
    vouchersNotUsed: figure('vouchersNotUsed'),
    vouchersPartlyUsed: figure('vouchersPartlyUsed'),
    vouchersFullyUsed: figure('vouchersFullyUsed'),
    remainingBalancesCents: figure('remainingBalancesCents'),
  };
}

export function isZero(figures: Partial<CampaignFigures>): boolean {
  return FIGURE_NAMES.every((name) => (figures[name] ?? 0) === 0);
}
