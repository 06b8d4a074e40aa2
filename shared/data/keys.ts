/**
 * Key builders for every item type of the single table (see table-design.ts). Each builder says which
 * access pattern it serves, so the design can be read in one place. Identifiers never contain `#`.
 *
 * | item            | pk                   | sk                      | gsi1 (pk / sk)                     | serves                                   |
 * |-----------------|----------------------|-------------------------|------------------------------------|------------------------------------------|
 * | merchant        | MERCHANT#<id>        | PROFILE                 | MERCHANTS / <sortName>#<id>        | get a shop; list partner shops by name   |
 * | enrolment       | MERCHANT#<id>        | ENROLMENT#<campaignId>  | CAMPAIGN#<id>#MERCHANTS / <id>     | may this shop redeem in that campaign    |
 * | campaign        | CAMPAIGN#<id>        | CAMPAIGN                | CAMPAIGNS / <startDate>#<id>       | get a campaign; list campaigns by start  |
 */

export type Key = { pk: string; sk: string };

export const merchantKeys = {
  item: (merchantId: string): Key => ({ pk: `MERCHANT#${merchantId}`, sk: 'PROFILE' }),
  /** Everything public lists go through: one small partition, read-mostly, sorted by name. */
  listPartition: 'MERCHANTS',
  listSort: (sortName: string, merchantId: string) => `${sortName}#${merchantId}`,
} as const;

export const enrolmentKeys = {
  item: (merchantId: string, campaignId: string): Key => ({
    pk: `MERCHANT#${merchantId}`,
    sk: `ENROLMENT#${campaignId}`,
  }),
  byCampaignPartition: (campaignId: string) => `CAMPAIGN#${campaignId}#MERCHANTS`,
} as const;

export const campaignKeys = {
  item: (campaignId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  listPartition: 'CAMPAIGNS',
  listSort: (startDate: string, campaignId: string) => `${startDate}#${campaignId}`,
} as const;

/** Sortable, accent- and case-free form of a name, for index sort keys. */
export function sortableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
