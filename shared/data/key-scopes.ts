/**
 * The table's partitions by what they hold, as IAM `dynamodb:LeadingKeys` patterns (StringLike: `*` is any run
 * of characters, `#` included): what a function scoped to part of the table names in its grant
 * (functions/routes/route.ts `ScopedTableAccess`). test/unit/key-scopes.test.ts checks each pattern against
 * the key builders of keys.ts, so a key that changes shape cannot silently fall out of its grant.
 *
 * A `*` spans `#`, so `CAMPAIGN#*` would also match a campaign's lists on the indexes (its vouchers,
 * applications, people to issue). Grants that must reach the campaign item only add `EXCEPT_LISTS`:
 * identifiers never contain `#`, so an item partition has one `#` and a list partition more.
 */

export const PARTITIONS = {
  /** A campaign, its enrolled shops (their copy of the dates) and its beneficiary claims. */
  campaign: 'CAMPAIGN#*',
  /** Every campaign, for the public list of open ones (gsi1). */
  campaignList: 'CAMPAIGNS',
  /** A shop's profile. */
  merchant: 'MERCHANT#*',
  /** Every partner shop by name (gsi1). */
  merchantList: 'MERCHANTS',
  /** A shop's redemptions by business day (gsi1). */
  merchantRedemptions: 'MERCHANT#*#REDEMPTIONS',
  /** A shop's settlements, newest first (gsi2). */
  merchantSettlements: 'MERCHANT#*#SETTLEMENTS',
  /** A voucher: its balance, status and household. */
  voucher: 'VOUCHER#*',
  /** One purchase or its reversal. */
  redemption: 'REDEMPTION#*',
  /** The stored answer of a request made with an Idempotency-Key. */
  idempotency: 'IDEMPOTENCY#*',
  /** Audit events (append-only). */
  audit: 'AUDIT#*',
  /** Wrong codes typed per shop, and per client on the public balance page. */
  lookupMisses: 'MISSES#*',
  /** Wrong codes typed per client on the public balance page only. */
  publicLookupMisses: 'MISSES#CLIENT#*',
  /** A campaign's people: a person by the keyed hash of their national number. */
  people: 'PEOPLE#*',
  /** An application for the on-application band. */
  application: 'APPLICATION#*',
  /** Request windows of the public routes' rate limits. */
  rateLimit: 'RATE#*',
} as const;

/** The partitions of the indexes' lists under a campaign or a shop: `CAMPAIGN#<id>#VOUCHERS#ISSUED`, ... */
export const EXCEPT_LISTS = ['CAMPAIGN#*#*', 'MERCHANT#*#*'] as const;
