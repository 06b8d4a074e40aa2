/** Synthetic settlement runs for the document tests: awkward real-world names, valid IBANs and references. */
import { syntheticBelgianIban } from '../../../infra/local/seed/demo-merchants.ts';
import { structuredCommunicationFor } from '../../../shared/payments/structured-communication.ts';
import type { WaitingShop } from '../../../shared/settlement/settlement.ts';
import {
  type NamedSettlement,
  type SettlementSummaryInput,
  settlementTotals,
} from '../../../shared/settlement/settlement-summary.ts';

export const SHOP_NAMES = [
  'Boulangerie Dupré',
  'Bäckerei Müller',
  'Łódź Deli',
  'Librairie « Le Chêne » & Café',
  "Bakkerij 't Hoekske",
  'Fleuriste Æsa Sørensen',
  'Boucherie-Charcuterie de la Place Saint-Aubain, succursale de Jambes-Velaine',
  'Opticien Zoë',
] as const;

export function namedSettlement(index: number, overrides: Partial<NamedSettlement> = {}): NamedSettlement {
  const settlementId = `STL${index.toString().padStart(8, '0')}`;
  return {
    settlementId,
    runId: 'RUN-2026-11-26',
    merchantId: `MER${index.toString().padStart(6, '0')}`,
    merchantName: `${SHOP_NAMES[index % SHOP_NAMES.length] ?? 'Shop'}${index >= SHOP_NAMES.length ? ` ${index}` : ''}`,
    amountCents: 1_250 + index * 137,
    redemptions: 1 + (index % 9),
    oldestRedemptionAt: '2026-11-20T09:12:00.000Z',
    remittanceReference: structuredCommunicationFor(settlementId),
    creditor: {
      name: `Titulaire ${index}`,
      iban: syntheticBelgianIban(990, 1_000_000 + index * 7919),
    },
    closedAt: '2026-11-26T05:00:03.000Z',
    ...overrides,
  };
}

export const WAITING: ReadonlyArray<WaitingShop> = [
  { merchantId: 'MERW1', merchantName: 'Épicerie Ørsted', amountCents: 4_500, redemptions: 2, reason: 'NO_IBAN' },
  { merchantId: 'MERW2', merchantName: 'Café du Nord', amountCents: 1_000, redemptions: 1, reason: 'NO_IBAN' },
];

export function summaryInput(
  settlementCount: number,
  overrides: Partial<SettlementSummaryInput> = {},
): SettlementSummaryInput {
  const settlements = Array.from({ length: settlementCount }, (_, index) => namedSettlement(index));
  return {
    townName: 'Ville de Namur',
    runId: 'RUN-2026-11-26',
    cutoff: '2026-11-25T23:00:00.000Z',
    createdAt: '2026-11-26T05:00:07.000Z',
    payoutDeadline: '2026-11-30',
    settlements,
    waiting: WAITING,
    totals: settlementTotals(settlements),
    ...overrides,
  };
}
